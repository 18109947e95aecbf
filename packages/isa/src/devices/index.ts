/** PC devices for the IA-32 machine: port bus, interrupt wiring, 8259A, 8254, 16550A, RTC, ... */
export { captureFields, restoreFields, DeviceStateError, type DeviceState, type DeviceStateValue } from "./state";
export { DeviceClock, PIT_HZ, DEFAULT_INSTRUCTIONS_PER_SECOND, type ClockOptions } from "./clock";
export { irqLine, NO_IRQ, type IrqLine, type IrqSink, type InterruptController } from "./irq";
export { IoBus, IoBusError, WIDTH_8, WIDTH_16, WIDTH_32, type IoSize, type PortDevice } from "./io-bus";
export { I8259 } from "./i8259";
export { PicPair } from "./pic-pair";
export { I8254Counter } from "./i8254-counter";
export { I8254 } from "./i8254";
export { SystemControlB } from "./system-control-b";
export { SystemControlA, type SystemControlAHooks } from "./system-control-a";
export { Uart16550 } from "./uart16550";
export { CmosRtc, DEFAULT_RTC_EPOCH } from "./cmos-rtc";
export { DebugConsole, DEBUG_CONSOLE_PORT } from "./debug-console";
export { DebugExit, DEBUG_EXIT_PORT, DEBUG_EXIT_SIZE } from "./debug-exit";
export { PcDevices, IRQ_TIMER, IRQ_COM1, IRQ_RTC, type PcDevicesOptions } from "./pc";
