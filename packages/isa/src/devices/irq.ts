/**
 * Interrupt wiring without any CPU code: a device drives an `IrqLine` (one IRQ pin of the PIC
 * pair), and the PIC pair offers the processor an `InterruptController`: the INTR pin as a plain
 * field to poll at instruction boundaries, and the INTA cycle as `acknowledge()`, which returns
 * the vector to deliver (SDM Vol. 3 §6.3: maskable interrupts arrive on INTR, the vector from the
 * interrupt controller).
 */

/** One interrupt request line; `set(true)` drives it high. */
export interface IrqLine {
  set(level: boolean): void;
}

/** Anything with numbered interrupt inputs (the PIC pair: IRQ 0-15). */
export interface IrqSink {
  setIrq(irq: number, level: boolean): void;
}

/** The processor's view of the interrupt controller. */
export interface InterruptController {
  /** The INTR pin: an unmasked request waits to be acknowledged. */
  readonly intr: boolean;
  /** The INTA cycle: the vector of the interrupt now in service (spurious ones included). */
  acknowledge(): number;
}

/** The line `irq` of `sink`, for a device to drive. */
export function irqLine(sink: IrqSink, irq: number): IrqLine {
  return { set: (level) => sink.setIrq(irq, level) };
}

/** A line connected to nothing (a device whose interrupt is not wired). */
export const NO_IRQ: IrqLine = { set: () => undefined };
