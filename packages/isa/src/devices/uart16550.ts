/**
 * A National Semiconductor PC16550D UART (datasheet, "Register Description", Table II), as COM1
 * at 0x3F8 on IRQ 4. Transmission is instantaneous: a byte written to THR goes to the host sink at
 * once, so THR and the transmitter always read empty; reception takes device time, one character
 * time per byte (start, data, parity and stop bits at the programmed divisor of 1.8432 MHz / 16),
 * which also drives the FIFO's character timeout. The interrupt output reaches the PIC through
 * MCR.OUT2, as on the PC, where OUT2 enables the IRQ driver.
 */
import { PIT_HZ, type DeviceClock } from "./clock";
import type { IoSize, PortDevice } from "./io-bus";
import { NO_IRQ, type IrqLine } from "./irq";
import { captureFields, restoreFields, type DeviceState } from "./state";

/** Register offsets (Table II). */
export const UART_RBR = 0; // THR on write, DLL with DLAB
export const UART_IER = 1; // DLM with DLAB
export const UART_IIR = 2; // FCR on write
export const UART_LCR = 3;
export const UART_MCR = 4;
export const UART_LSR = 5;
export const UART_MSR = 6;
export const UART_SCR = 7;

export const IER_RDA = 0x01;
export const IER_THRE = 0x02;
export const IER_RLS = 0x04;
export const IER_MS = 0x08;
export const LSR_DR = 0x01;
export const LSR_OE = 0x02;
export const LSR_THRE = 0x20;
export const LSR_TEMT = 0x40;
export const MCR_OUT2 = 0x08;
export const MCR_LOOP = 0x10;
/** IIR interrupt identification (bits 3-1 with bit 0 = 0), by priority. */
export const IIR_NONE = 0x01;
export const IIR_RLS = 0x06;
export const IIR_RDA = 0x04;
export const IIR_TIMEOUT = 0x0c;
export const IIR_THRE = 0x02;
export const IIR_MS = 0x00;

const FIFO_SIZE = 16;
const TRIGGER_LEVELS = [1, 4, 8, 14] as const;
/** The UART's clock divided by 16: the baud rate at divisor 1. */
const BAUD_BASE = 115200;
/** The host's modem lines when not in loopback: CTS, DSR and DCD asserted (MSR bits 4, 5, 7). */
const HOST_MODEM_LINES = 0xb0;

const STATE_FIELDS = ["ier", "lcr", "mcr", "scr", "divisor", "fifoEnabled", "rxTrigger", "rx", "overrun", "thrInterrupt", "msrLines", "msrDelta", "rxActivity", "lastPull", "irqLevel", "txBytes", "rxBytes", "overruns"] as const;

export class Uart16550 implements PortDevice {
  ier = 0;
  lcr = 0;
  mcr = 0;
  scr = 0;
  divisor = 12; // 9600 baud until a driver sets it
  fifoEnabled = false;
  rxTrigger = 1;
  private readonly rx: number[] = [];
  private overrun = false;
  private thrInterrupt = false;
  /** MSR: modem lines (bits 7-4) and their deltas (bits 3-0). */
  private msrLines = HOST_MODEM_LINES;
  private msrDelta = 0;
  /** Device tick of the last RX FIFO write or read (character timeout) and of the last pull. */
  private rxActivity = 0;
  private lastPull = 0;
  private irqLevel = false;
  /** `serial.tx_bytes`, `serial.rx_bytes`, `serial.overruns`. */
  txBytes = 0;
  rxBytes = 0;
  overruns = 0;

  constructor(
    private readonly clock: DeviceClock,
    /** Where transmitted bytes go (the host terminal). */
    private readonly sink: (byte: number) => void,
    private readonly irq: IrqLine = NO_IRQ,
    /** A host byte source polled once per character time; undefined when it has nothing. */
    private readonly source?: () => number | undefined,
  ) {}

  /** Bits per character: start + 5-8 data + parity + 1 or 2 stop bits (LCR). */
  private bitsPerChar(): number {
    return 1 + 5 + (this.lcr & 3) + ((this.lcr & 0x08) !== 0 ? 1 : 0) + ((this.lcr & 0x04) !== 0 ? 2 : 1);
  }

  /** One character time in device ticks at the programmed divisor. */
  charTicks(): number {
    const divisor = this.divisor === 0 ? 0x10000 : this.divisor;
    return Math.ceil((this.bitsPerChar() * divisor * PIT_HZ) / BAUD_BASE);
  }

  private capacity(): number {
    return this.fifoEnabled ? FIFO_SIZE : 1;
  }

  /** A byte arriving on the receive line (host input, or THR in loopback). */
  receive(byte: number): void {
    this.rxActivity = this.clock.ticks;
    if (this.rx.length >= this.capacity()) {
      // LSR.OE: without FIFOs the new character overwrites RBR ("thereby destroying the previous
      // character"); in FIFO mode the FIFO keeps its contents and the new character is lost.
      this.overrun = true;
      this.overruns++;
      if (!this.fifoEnabled) this.rx[0] = byte & 0xff;
    } else {
      this.rx.push(byte & 0xff);
      this.rxBytes++;
    }
    this.updateIrq();
  }

  private timeoutPending(): boolean {
    return this.fifoEnabled && this.rx.length > 0 && this.clock.ticks - this.rxActivity >= 4 * this.charTicks();
  }

  /** The highest-priority pending interrupt (IIR bits 3-0). */
  private identify(): number {
    if (this.ier & IER_RLS && this.overrun) return IIR_RLS;
    if (this.ier & IER_RDA) {
      const level = this.fifoEnabled ? this.rxTrigger : 1;
      if (this.rx.length >= level) return IIR_RDA;
      if (this.timeoutPending()) return IIR_TIMEOUT;
    }
    if (this.ier & IER_THRE && this.thrInterrupt) return IIR_THRE;
    if (this.ier & IER_MS && this.msrDelta) return IIR_MS;
    return IIR_NONE;
  }

  private updateIrq(): void {
    // In loopback the OUT2 pin is forced inactive, which on the PC also cuts the IRQ.
    const level = this.identify() !== IIR_NONE && (this.mcr & (MCR_OUT2 | MCR_LOOP)) === MCR_OUT2;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }

  /** Pulls host input (one byte per character time) and re-evaluates the timeout interrupt. */
  update(): void {
    if (this.source && !(this.mcr & MCR_LOOP)) {
      const t = this.charTicks();
      while (this.clock.ticks - this.lastPull >= t && this.rx.length < this.capacity()) {
        const b = this.source();
        if (b === undefined) {
          this.lastPull = this.clock.ticks;
          break;
        }
        this.lastPull += t;
        if (this.clock.ticks - this.lastPull >= t * FIFO_SIZE) this.lastPull = this.clock.ticks - t;
        this.receive(b);
      }
    }
    this.updateIrq();
  }

  private get dlab(): boolean {
    return (this.lcr & 0x80) !== 0;
  }

  read(port: number, _size: IoSize): number {
    let v: number;
    switch (port & 7) {
      case UART_RBR:
        if (this.dlab) return this.divisor & 0xff;
        v = this.rx.length ? this.rx.shift()! : 0;
        this.rxActivity = this.clock.ticks;
        break;
      case UART_IER:
        return this.dlab ? (this.divisor >> 8) & 0xff : this.ier;
      case UART_IIR: {
        const id = this.identify();
        // Reading IIR while it reports THRE clears that interrupt (Table IV).
        if (id === IIR_THRE) this.thrInterrupt = false;
        v = id | (this.fifoEnabled ? 0xc0 : 0);
        break;
      }
      case UART_LCR:
        return this.lcr;
      case UART_MCR:
        return this.mcr;
      case UART_LSR:
        v = (this.rx.length ? LSR_DR : 0) | (this.overrun ? LSR_OE : 0) | LSR_THRE | LSR_TEMT;
        this.overrun = false; // OE, PE, FE, BI clear when LSR is read
        break;
      case UART_MSR:
        v = this.modemLines() | this.msrDelta;
        this.msrDelta = 0;
        break;
      default:
        return this.scr;
    }
    this.updateIrq();
    return v;
  }

  write(port: number, _size: IoSize, value: number): void {
    const v = value & 0xff;
    switch (port & 7) {
      case UART_RBR:
        if (this.dlab) {
          this.divisor = (this.divisor & 0xff00) | v;
          return;
        }
        this.transmit(v);
        break;
      case UART_IER:
        if (this.dlab) {
          this.divisor = (this.divisor & 0x00ff) | (v << 8);
          return;
        }
        // Enabling THRE interrupts with THR empty raises one at once (Linux's THRE test).
        if (v & IER_THRE && !(this.ier & IER_THRE)) this.thrInterrupt = true;
        this.ier = v & 0x0f;
        break;
      case UART_IIR:
        this.writeFcr(v);
        break;
      case UART_LCR:
        this.lcr = v;
        return;
      case UART_MCR: {
        const before = this.modemLines();
        this.mcr = v & 0x1f;
        this.noteModemChange(before, this.modemLines());
        break;
      }
      case UART_LSR:
      case UART_MSR:
        return; // read-only (factory test registers)
      default:
        this.scr = v;
        return;
    }
    this.updateIrq();
  }

  private transmit(v: number): void {
    if (this.mcr & MCR_LOOP) {
      this.receive(v);
    } else {
      this.txBytes++;
      this.sink(v);
    }
    // THR empties at once: writing THR clears the THRE interrupt and the empty THR sets it again.
    this.thrInterrupt = true;
  }

  /** FCR: bit 0 FIFO enable (changing it clears both FIFOs), 1/2 reset RX/TX, 7-6 RX trigger. */
  private writeFcr(v: number): void {
    const enable = (v & 0x01) !== 0;
    if (enable !== this.fifoEnabled || v & 0x02) {
      this.rx.length = 0;
      this.overrun = false;
    }
    this.fifoEnabled = enable;
    this.rxTrigger = TRIGGER_LEVELS[(v >> 6) & 3]!;
  }

  /** MSR bits 7-4: the host's lines, or in loopback DCD=OUT2, RI=OUT1, DSR=DTR, CTS=RTS. */
  private modemLines(): number {
    if (!(this.mcr & MCR_LOOP)) return this.msrLines;
    const m = this.mcr;
    return ((m & 0x08) << 4) | ((m & 0x04) << 4) | ((m & 0x01) << 5) | ((m & 0x02) << 3);
  }

  private noteModemChange(before: number, after: number): void {
    const changed = before ^ after;
    if (changed & 0x10) this.msrDelta |= 0x01; // DCTS
    if (changed & 0x20) this.msrDelta |= 0x02; // DDSR
    if (before & 0x40 && !(after & 0x40)) this.msrDelta |= 0x04; // TERI: RI trailing edge
    if (changed & 0x80) this.msrDelta |= 0x08; // DDCD
  }

  /** Sets the host side's modem lines (MSR bits 7-4: DCD, RI, DSR, CTS). */
  setModemLines(lines: number): void {
    const before = this.modemLines();
    this.msrLines = lines & 0xf0;
    this.noteModemChange(before, this.modemLines());
    this.updateIrq();
  }

  counters(out: Record<string, number>): void {
    out["serial.tx_bytes"] = this.txBytes;
    out["serial.rx_bytes"] = this.rxBytes;
    out["serial.overruns"] = this.overruns;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "Uart16550"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
