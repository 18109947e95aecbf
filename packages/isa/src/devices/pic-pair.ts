/**
 * The PC/AT's two 8259As: the master at ports 0x20/0x21 takes IRQ 0-7, the slave at 0xA0/0xA1
 * takes IRQ 8-15 and drives the master's IR2 (IBM PC/AT Technical Reference, "Interrupt
 * Controllers"). The pair is the processor's interrupt controller: `intr` is the INTR pin and
 * `acknowledge()` runs the INTA cycle, asking the slave for the vector when the master's
 * acknowledged level has a slave (8259A datasheet, "Cascade Mode"). A vanished request gives the
 * spurious vector of IR7 (master, IRQ 7) or, on the slave, IR7 (IRQ 15) with the master's IR2 in
 * service, as on real hardware.
 */
import { I8259 } from "./i8259";
import type { InterruptController, IrqSink } from "./irq";
import type { IoSize, PortDevice } from "./io-bus";
import { captureFields, child, restoreFields, type DeviceState } from "./state";

const CASCADE_IR = 2;

const STATE_FIELDS = ["intr", "acknowledged", "spurious", "slaveInt"] as const;

export class PicPair implements IrqSink, InterruptController, PortDevice {
  readonly master = new I8259();
  readonly slave = new I8259();
  /** The INTR pin, recomputed whenever either chip changes. */
  intr = false;
  /** Interrupts acknowledged per IRQ line (`irq.<n>`), spurious ones apart (`pic.spurious`). */
  readonly acknowledged = new Float64Array(16);
  spurious = 0;
  /** Called when INTR rises (a halted processor wakes). */
  onIntr: () => void = () => undefined;
  private slaveInt = false;

  constructor() {
    this.master.onChange = () => this.update();
    this.slave.onChange = () => this.update();
  }

  setIrq(irq: number, level: boolean): void {
    if (irq < 8) this.master.setIrq(irq, level);
    else this.slave.setIrq(irq - 8, level);
  }

  /** The power-on level of a line (a device whose output starts high): no request results. */
  presetIrq(irq: number, level: boolean): void {
    if (irq < 8) this.master.presetLine(irq, level);
    else this.slave.presetLine(irq - 8, level);
  }

  private update(): void {
    const slaveInt = this.slave.int;
    if (slaveInt !== this.slaveInt) {
      this.slaveInt = slaveInt;
      this.master.setIrq(CASCADE_IR, slaveInt); // re-enters update() with the new master state
      return;
    }
    const intr = this.master.int;
    if (intr && !this.intr) {
      this.intr = true;
      this.onIntr();
    } else {
      this.intr = intr;
    }
  }

  acknowledge(): number {
    const ir = this.master.pending();
    if (ir < 0) {
      this.spurious++;
      return this.master.vector(this.master.acknowledgeLevel(-1));
    }
    if (ir === CASCADE_IR && (this.master.cascade & (1 << CASCADE_IR)) !== 0 && !this.master.single) {
      const sir = this.slave.pending();
      this.master.acknowledgeLevel(ir);
      if (sir < 0) {
        this.spurious++;
        return this.slave.vector(this.slave.acknowledgeLevel(-1));
      }
      this.slave.acknowledgeLevel(sir);
      this.acknowledged[8 + sir]!++;
      return this.slave.vector(sir);
    }
    this.master.acknowledgeLevel(ir);
    this.acknowledged[ir]!++;
    return this.master.vector(ir);
  }

  read(port: number, _size: IoSize): number {
    const chip = port & 0x80 ? this.slave : this.master;
    return port & 1 ? chip.readData() : chip.readCommand();
  }

  write(port: number, _size: IoSize, value: number): void {
    const chip = port & 0x80 ? this.slave : this.master;
    if (port & 1) chip.writeData(value & 0xff);
    else chip.writeCommand(value & 0xff);
  }

  /** `irq.<n>` for every line that was acknowledged at least once, and `pic.spurious`. */
  counters(out: Record<string, number>): void {
    for (let i = 0; i < 16; i++) if (this.acknowledged[i]) out[`irq.${i}`] = this.acknowledged[i]!;
    out["pic.spurious"] = this.spurious;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return { ...captureFields(this, STATE_FIELDS), master: this.master.snapshot(), slave: this.slave.snapshot() };
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "PicPair"): void {
    restoreFields(this, STATE_FIELDS, state, where);
    this.master.restore(child(state, "master", where), `${where}.master`);
    this.slave.restore(child(state, "slave", where), `${where}.slave`);
  }
}
