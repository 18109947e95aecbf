/**
 * One Intel 8259A programmable interrupt controller (datasheet 231468, "Programming the 8259A").
 * Edge mode latches a rising edge in IRR, but as the datasheet's priority cell does, the request
 * is withdrawn if the line falls before INTA (so a glitch yields the default IR7, the spurious
 * interrupt). qemu keeps such a request instead; devices here hold their line until serviced.
 * Two ports: A0=0 (command: ICW1, OCW2, OCW3; reads IRR or ISR) and A0=1 (data: ICW2-4, OCW1;
 * reads IMR). Requests are edge triggered unless ICW1.LTIM selects level triggering; priorities
 * are fully nested with optional rotation; auto-EOI, poll mode and special mask mode are
 * supported. The pair (pic-pair.ts) wires two of these in cascade.
 */
import { captureFields, restoreFields, type DeviceState } from "./state";

/** Initialization state: which ICW the data port expects next. */
const enum Init {
  Ready = 0,
  Icw2 = 1,
  Icw3 = 2,
  Icw4 = 3,
}

const STATE_FIELDS = ["irr", "isr", "imr", "vectorBase", "lowestPriority", "levelTriggered", "single", "icw4Needed", "cascade", "autoEoi", "specialFullyNested", "mode8086", "rotateOnAutoEoi", "readIsr", "pollPending", "specialMask", "init", "lines"] as const;

export class I8259 {
  /** Interrupt request, in-service and mask registers. */
  irr = 0;
  isr = 0;
  imr = 0;
  /** Vector of IR0 (ICW2 bits 7-3). */
  vectorBase = 0;
  /** The level with the lowest priority; IR(lowest+1) mod 8 has the highest (rotation, OCW2). */
  lowestPriority = 7;
  /** ICW1: level triggered (LTIM), single (SNGL), ICW4 needed (IC4). */
  levelTriggered = false;
  single = false;
  private icw4Needed = false;
  /** ICW3: on a master, the IR lines with a slave; on a slave, its cascade identity. */
  cascade = 0;
  /** ICW4: automatic EOI (AEOI), special fully nested (SFNM), 8086 mode (uPM). */
  autoEoi = false;
  specialFullyNested = false;
  mode8086 = true;
  /** OCW2 rotate-in-automatic-EOI mode. */
  rotateOnAutoEoi = false;
  /** OCW3: read ISR instead of IRR on the command port; poll pending; special mask mode. */
  readIsr = false;
  private pollPending = false;
  specialMask = false;
  private init: Init = Init.Ready;
  /** Current level of each IR input (the edge detector's memory). */
  private lines = 0;
  /** Called when the INT output may have changed. */
  onChange: () => void = () => undefined;

  /** Drives input `ir` (0-7). */
  setIrq(ir: number, level: boolean): void {
    const bit = 1 << ir;
    if (level) {
      // Edge mode latches the rising edge in IRR; level mode follows the input.
      if (this.levelTriggered || (this.lines & bit) === 0) this.irr |= bit;
      this.lines |= bit;
    } else {
      this.lines &= ~bit;
      // "Edge and Level Triggered Modes": in both modes the IR input must remain high until the
      // first INTA; a request that goes away earlier is answered with the default IR7.
      this.irr &= ~bit;
    }
    this.onChange();
  }

  /** The level input `ir` has at power-on: no edge, no request. */
  presetLine(ir: number, level: boolean): void {
    if (level) this.lines |= 1 << ir;
    else this.lines &= ~(1 << ir);
  }

  /** Priority rank of level `ir`: 0 is the highest. */
  private rank(ir: number): number {
    return (ir - this.lowestPriority - 1) & 7;
  }

  /** The highest-priority level set in `mask`, or -1. */
  private highest(mask: number): number {
    if (mask === 0) return -1;
    for (let r = 0; r < 8; r++) {
      const ir = (this.lowestPriority + 1 + r) & 7;
      if (mask & (1 << ir)) return ir;
    }
    return -1;
  }

  /**
   * The level that would be acknowledged now, or -1: the highest-priority unmasked request with
   * a higher priority than every level in service ("Fully Nested Mode"). In special mask mode
   * masked in-service levels do not block; in special fully nested mode (a master) the cascade
   * line does not block itself, so a slave can nest a higher-priority request.
   */
  pending(): number {
    const ir = this.highest(this.irr & ~this.imr);
    if (ir < 0) return -1;
    let inService = this.isr;
    if (this.specialMask) inService &= ~this.imr;
    if (this.specialFullyNested) inService &= ~this.cascade;
    const blocking = this.highest(inService);
    if (blocking >= 0 && this.rank(blocking) <= this.rank(ir)) return -1;
    return ir;
  }

  /** The INT output. */
  get int(): boolean {
    return this.pending() >= 0;
  }

  /**
   * The INTA sequence for a level chosen by `pending()` (or -1 when the request went away: the
   * datasheet's default IR7 response, whose ISR bit is not set). Returns the level acknowledged.
   */
  acknowledgeLevel(ir: number): number {
    if (ir < 0) return 7;
    const bit = 1 << ir;
    // Edge mode: IRR is cleared by the acknowledge. Level mode: the input keeps it set while high.
    if (!this.levelTriggered || (this.lines & bit) === 0) this.irr &= ~bit;
    if (this.autoEoi) {
      if (this.rotateOnAutoEoi) this.lowestPriority = ir;
    } else {
      this.isr |= bit;
    }
    this.onChange();
    return ir;
  }

  /** The vector sent during the second INTA pulse for level `ir` (8086 mode, ICW2). */
  vector(ir: number): number {
    return (this.vectorBase | ir) & 0xff;
  }

  /** A0=0 writes: ICW1 (D4=1), OCW3 (D4=0, D3=1) or OCW2 (D4=0, D3=0). */
  writeCommand(v: number): void {
    if (v & 0x10) {
      this.icw1(v);
    } else if (v & 0x08) {
      this.ocw3(v);
    } else {
      this.ocw2(v);
    }
    this.onChange();
  }

  /** A0=1 writes: the next ICW during initialization, else OCW1 (the mask). */
  writeData(v: number): void {
    switch (this.init) {
      case Init.Icw2:
        this.vectorBase = v & 0xf8;
        this.init = this.single ? (this.icw4Needed ? Init.Icw4 : Init.Ready) : Init.Icw3;
        break;
      case Init.Icw3:
        this.cascade = v;
        this.init = this.icw4Needed ? Init.Icw4 : Init.Ready;
        break;
      case Init.Icw4:
        this.mode8086 = (v & 0x01) !== 0;
        this.autoEoi = (v & 0x02) !== 0;
        this.specialFullyNested = (v & 0x10) !== 0;
        this.init = Init.Ready;
        break;
      default:
        this.imr = v & 0xff;
    }
    this.onChange();
  }

  /** A0=0 reads: IRR or ISR as OCW3 chose, or the poll word after a poll command. */
  readCommand(): number {
    if (this.pollPending) {
      this.pollPending = false;
      return this.poll();
    }
    return this.readIsr ? this.isr : this.irr;
  }

  /** A0=1 reads: IMR (OCW1). */
  readData(): number {
    return this.imr;
  }

  /**
   * ICW1 starts initialization: "the edge sense circuit is reset ... the Interrupt Mask Register
   * is cleared, IR7 input is assigned the lowest priority, the slave mode address is set to 7,
   * special mask mode is cleared and status read is set to IRR; if IC4 = 0, all ICW4 functions
   * are set to zero". Pending requests are dropped: an input must rise again to be seen.
   */
  private icw1(v: number): void {
    this.levelTriggered = (v & 0x08) !== 0;
    this.single = (v & 0x02) !== 0;
    this.icw4Needed = (v & 0x01) !== 0;
    this.imr = 0;
    this.isr = 0;
    this.irr = 0;
    this.lowestPriority = 7;
    this.cascade = 7;
    this.specialMask = false;
    this.readIsr = false;
    this.pollPending = false;
    this.rotateOnAutoEoi = false;
    if (!this.icw4Needed) {
      this.autoEoi = false;
      this.specialFullyNested = false;
      this.mode8086 = false;
    }
    this.init = Init.Icw2;
  }

  /** OCW2: R (D7), SL (D6), EOI (D5), level L2-L0. */
  private ocw2(v: number): void {
    const level = v & 7;
    switch (v >> 5) {
      case 0b001: {
        // Non-specific EOI: the highest-priority level in service.
        const ir = this.highest(this.isr);
        if (ir >= 0) this.isr &= ~(1 << ir);
        break;
      }
      case 0b011:
        this.isr &= ~(1 << level);
        break;
      case 0b101: {
        // Rotate on non-specific EOI: the level just ended becomes the lowest priority.
        const ir = this.highest(this.isr);
        if (ir >= 0) {
          this.isr &= ~(1 << ir);
          this.lowestPriority = ir;
        }
        break;
      }
      case 0b111:
        this.isr &= ~(1 << level);
        this.lowestPriority = level;
        break;
      case 0b110:
        this.lowestPriority = level;
        break;
      case 0b100:
        this.rotateOnAutoEoi = true;
        break;
      case 0b000:
        this.rotateOnAutoEoi = false;
        break;
      default:
        break; // 0b010: no operation
    }
  }

  /** OCW3: ESMM/SMM (D6-D5), P (D2), RR/RIS (D1-D0). */
  private ocw3(v: number): void {
    if (v & 0x04) this.pollPending = true;
    if (v & 0x02) this.readIsr = (v & 0x01) !== 0;
    if (v & 0x40) this.specialMask = (v & 0x20) !== 0;
  }

  /**
   * Poll command: the next read is "I (D7) = 1 if an interrupt is requested, W2-W0 the highest
   * priority level requesting"; the read acts as an interrupt acknowledge.
   */
  private poll(): number {
    const ir = this.pending();
    if (ir < 0) return 0;
    this.acknowledgeLevel(ir);
    return 0x80 | ir;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "I8259"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
