export {};
export * from "./table/index";
export * from "./decode/index";
export * from "./cpu/state";
export * from "./cpu/exceptions";
export { Cpu, type HostAction, type HostHandler, type PortIo, type TrapEvent } from "./cpu/cpu";
export { readEflags, materializeFlags, testCC } from "./cpu/flags";
export { computeCF } from "./cpu/flags";
export { cpuid, CPUID_VENDOR, CPUID_FEATURES_EDX, CPUID_SIGNATURE } from "./cpu/cpuid";
export { loadSegment, setSegmentCache, readDescriptor, desc, descriptorMode, setV86Segment } from "./cpu/segments";
export { acceptPendingEvent, deliverInterrupt, eventPending, type EventKind } from "./cpu/interrupts";
export { PhysicalMemory, PAGE_SIZE, PAGE_SHIFT, type WriteWatcher } from "./memory/physical";
export { PageMap, PTE_P, PTE_W, PTE_U } from "./memory/page-map";
export { Mmu } from "./memory/mmu";
export { Tlb, TLB_SIZE, TLBF_GLOBAL, TLBF_LARGE, TLBF_NO_USER_READ, TLBF_NO_USER_WRITE } from "./memory/tlb";
export { PhysicalWindow, type PhysicalLayer } from "./memory/physical-layer";
export { PagingTranslator, PG_P, PG_RW, PG_US, PG_PWT, PG_PCD, PG_A, PG_D, PG_PS, PG_G, PFEC_RSVD } from "./memory/paging";
export { writeCr0, writeCr3, writeCr4, CR0_CD, CR0_NW, CR4_VME, CR4_PVI, CR4_TSD, CR4_DE, CR4_PSE, CR4_PAE, CR4_PGE, CR4_PCE, CR4_SUPPORTED } from "./cpu/control-registers";
export { taskSwitch, farTaskSwitch, interruptTaskSwitch, taskReturn, type TaskSwitchReason } from "./cpu/task-switch";
export { checkIoPermission, ioBitmapAllows, ioPrivileged } from "./cpu/io-permission";
export {
  readDebugRegister,
  writeDebugRegister,
  updateDebugActive,
  instructionBreakpoint,
  dataBreakpointHit,
  ioBreakpointHit,
  takePendingDataBreakpoint,
  noteSingleStep,
  DR6_B0,
  DR6_BD,
  DR6_BS,
  DR6_BT,
  DR7_GD,
} from "./cpu/debug-registers";
export { readMsr, writeMsr, msrValue, IA32_TIME_STAMP_COUNTER, IA32_APIC_BASE, IA32_SYSENTER_CS, IA32_SYSENTER_ESP, IA32_SYSENTER_EIP, IA32_MISC_ENABLE, IA32_MTRRCAP, IA32_MTRR_DEF_TYPE } from "./cpu/msr";
export { IdentityTranslator, type Translator, ACCESS_READ, ACCESS_WRITE, ACCESS_USER, ACCESS_FETCH } from "./memory/translator";
export type { Engine, StopReason } from "./engine";
export { Interpreter } from "./exec/interpreter";
export { Insn, CLASS_NAMES, type ClassName, type ExecFn } from "./exec/insn";
export { EXEC } from "./exec/handlers";
export { bindInsn } from "./exec/bind";
export { createMachine, createUserMachine, type Machine, type MachineOptions, type UserMachine } from "./machine";
export * from "./disasm/index";
export * from "./loaders/index";
export * from "./fpu/index";
export * from "./devices/index";
export { snapshotCpu, restoreCpu, snapshotMemory, restoreMemory, SnapshotError, type CpuSnapshot } from "./cpu/snapshot";
export { createPcMachine, PcMachine, type PcMachineOptions, type PcMachineSnapshot, type PcStopReason } from "./machine/pc-machine";
export { loadMultiboot, loadFlat, FlatBinaryError, MULTIBOOT_GDT_ADDR, type MultibootBootRequest } from "./machine/boot";
export { resetPowerOn } from "./machine/reset";
export { BiosRom, RomError, ISA_BIOS_MAX } from "./machine/rom";
