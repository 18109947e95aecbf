/**
 * The CMOS RAM and real-time clock of the PC/AT, a Motorola MC146818A (datasheet, "Address Map",
 * "Registers"): port 0x70 selects a register (bit 7 of the write disables NMI), port 0x71 reads
 * or writes it. Registers 0-9 hold the time and date in BCD or binary (register B DM) and in 12-
 * or 24-hour form (register B 24/12); A holds UIP and the divider and rate selects; B the SET bit
 * and interrupt enables; C the interrupt flags (cleared by reading); D the valid-RAM bit. The rest
 * of the 64 bytes is battery-backed RAM. 0x32 holds the century (IBM's convention); the chip
 * itself does not know it, but like qemu we keep it in step with the clock, so the year rolls
 * from 2099 to 2100 rather than back to 2000.
 *
 * Time comes from the host-provided start (seconds since 1970, UTC) plus device time, so a run is
 * deterministic. Updates happen at whole seconds of device time; UIP is set from 244 us before an
 * update until the end of its 1984 us update cycle.
 */
import { PIT_HZ, type DeviceClock } from "./clock";
import type { IoSize, PortDevice } from "./io-bus";
import { NO_IRQ, type IrqLine } from "./irq";
import { captureFields, restoreFields, type DeviceState } from "./state";

export const RTC_SECONDS = 0x00;
export const RTC_SECONDS_ALARM = 0x01;
export const RTC_MINUTES = 0x02;
export const RTC_MINUTES_ALARM = 0x03;
export const RTC_HOURS = 0x04;
export const RTC_HOURS_ALARM = 0x05;
export const RTC_DAY_OF_WEEK = 0x06;
export const RTC_DAY_OF_MONTH = 0x07;
export const RTC_MONTH = 0x08;
export const RTC_YEAR = 0x09;
export const RTC_REG_A = 0x0a;
export const RTC_REG_B = 0x0b;
export const RTC_REG_C = 0x0c;
export const RTC_REG_D = 0x0d;
export const CMOS_CENTURY = 0x32;

export const REG_A_UIP = 0x80;
export const REG_B_SET = 0x80;
export const REG_B_PIE = 0x40;
export const REG_B_AIE = 0x20;
export const REG_B_UIE = 0x10;
export const REG_B_DM_BINARY = 0x04;
export const REG_B_24H = 0x02;
export const REG_C_IRQF = 0x80;
export const REG_C_PF = 0x40;
export const REG_C_AF = 0x20;
export const REG_C_UF = 0x10;

/** Device ticks of UIP before an update (244 us) and of the update cycle (1984 us). */
const UIP_BEFORE = Math.round(244e-6 * PIT_HZ);
const UPDATE_CYCLE = Math.round(1984e-6 * PIT_HZ);
/** 2000-01-01 00:00:00 UTC. */
export const DEFAULT_RTC_EPOCH = 946_684_800;

const toBcd = (v: number): number => ((Math.floor(v / 10) % 10) << 4) | v % 10;
const fromBcd = (v: number): number => (v >> 4) * 10 + (v & 0xf);

/** Days since 1970-01-01 to (year, month 1-12, day 1-31): H. Hinnant's civil_from_days. */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** (year, month, day) to days since 1970-01-01: days_from_civil. */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Sunday ... 7 = Saturday (the PC's convention). */
  weekday: number;
}

function toCivil(t: number): Civil {
  const days = Math.floor(t / 86400);
  const rem = t - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    minute: Math.floor(rem / 60) % 60,
    second: rem % 60,
    weekday: ((((days + 4) % 7) + 7) % 7) + 1, // 1970-01-01 was a Thursday
  };
}

function fromCivil(c: Civil): number {
  return daysFromCivil(c.year, c.month, c.day) * 86400 + c.hour * 3600 + c.minute * 60 + c.second;
}

const STATE_FIELDS = ["ram", "index", "nmiMasked", "regA", "regB", "regC", "baseSeconds", "baseTick", "frozen", "lastSecond", "lastPeriod", "irqLevel", "interrupts"] as const;

export class CmosRtc implements PortDevice {
  readonly ram = new Uint8Array(64);
  /** The register selected through port 0x70, and NMI masking (bit 7 of that write). */
  index = 0;
  nmiMasked = false;
  regA = 0x26; // divider 010 (32.768 kHz time base), rate 0110 (1024 Hz), as BIOSes leave it
  regB = REG_B_24H;
  regC = 0;
  /** Seconds since 1970 at device tick `baseTick` (start of that second). */
  private baseSeconds: number;
  private baseTick = 0;
  /** With SET: the frozen time. */
  private frozen = 0;
  private lastSecond = 0;
  private lastPeriod = 0;
  private irqLevel = false;
  /** `rtc.interrupts`: IRQF rising edges. */
  interrupts = 0;

  constructor(
    private readonly clock: DeviceClock,
    private readonly irq: IrqLine = NO_IRQ,
    epochSeconds = DEFAULT_RTC_EPOCH,
  ) {
    this.baseSeconds = Math.floor(epochSeconds);
    this.baseTick = clock.ticks;
    this.lastSecond = this.elapsedSeconds();
    this.lastPeriod = this.periods();
  }

  private get binary(): boolean {
    return (this.regB & REG_B_DM_BINARY) !== 0;
  }

  private elapsedSeconds(): number {
    return Math.floor((this.clock.ticks - this.baseTick) / PIT_HZ);
  }

  /** The current time in seconds since 1970. */
  now(): number {
    return this.regB & REG_B_SET ? this.frozen : this.baseSeconds + this.elapsedSeconds();
  }

  /** UIP: within 244 us before an update or during its update cycle. */
  updateInProgress(): boolean {
    if (this.regB & REG_B_SET) return false;
    const frac = (this.clock.ticks - this.baseTick) % PIT_HZ;
    return frac >= PIT_HZ - UIP_BEFORE || (frac < UPDATE_CYCLE && this.clock.ticks - this.baseTick >= PIT_HZ);
  }

  /** The periodic rate in 32.768 kHz cycles (register A RS3-RS0), or 0 when off. */
  private periodCycles(): number {
    const rs = this.regA & 0x0f;
    if (rs === 0) return 0;
    return rs <= 2 ? 1 << (rs + 6) : 1 << (rs - 1);
  }

  /** Periodic-interrupt periods elapsed since tick 0 (exact 32.768 kHz cycles of device time). */
  private periods(): number {
    const p = this.periodCycles();
    if (!p) return 0;
    const t = this.clock.ticks;
    const q = Math.floor(t / PIT_HZ);
    const cycles = q * 32768 + Math.floor(((t - q * PIT_HZ) * 32768) / PIT_HZ);
    return Math.floor(cycles / p);
  }

  private encode(v: number): number {
    return this.binary ? v : toBcd(v);
  }

  private decode(v: number): number {
    return this.binary ? v : fromBcd(v);
  }

  private encodeHour(h: number): number {
    if (this.regB & REG_B_24H) return this.encode(h);
    const pm = h >= 12 ? 0x80 : 0;
    const h12 = h % 12 === 0 ? 12 : h % 12;
    return this.encode(h12) | pm;
  }

  private decodeHour(v: number): number {
    if (this.regB & REG_B_24H) return this.decode(v);
    const h12 = this.decode(v & 0x7f) % 12;
    return v & 0x80 ? h12 + 12 : h12;
  }

  private readRegister(r: number): number {
    const c = toCivil(this.now());
    switch (r) {
      case RTC_SECONDS:
        return this.encode(c.second);
      case RTC_MINUTES:
        return this.encode(c.minute);
      case RTC_HOURS:
        return this.encodeHour(c.hour);
      case RTC_DAY_OF_WEEK:
        return this.encode(c.weekday);
      case RTC_DAY_OF_MONTH:
        return this.encode(c.day);
      case RTC_MONTH:
        return this.encode(c.month);
      case RTC_YEAR:
        return this.encode(c.year % 100);
      case RTC_REG_A:
        return (this.regA & 0x7f) | (this.updateInProgress() ? REG_A_UIP : 0);
      case RTC_REG_B:
        return this.regB;
      case RTC_REG_C: {
        // Reading C clears every flag and releases IRQ 8.
        this.update();
        const v = this.regC;
        this.regC = 0;
        this.setIrq(false);
        return v;
      }
      case RTC_REG_D:
        return 0x80; // VRT: RAM and time are valid
      case CMOS_CENTURY:
        return this.encode(Math.floor(c.year / 100));
      default:
        return this.ram[r]!;
    }
  }

  private setTime(mutate: (c: Civil) => void): void {
    const c = toCivil(this.now());
    mutate(c);
    const t = fromCivil(c);
    if (this.regB & REG_B_SET) {
      this.frozen = t;
    } else {
      // Keep the phase of the divider chain: the next update still comes at the same tick.
      this.baseSeconds = t - this.elapsedSeconds();
    }
  }

  private writeRegister(r: number, v: number): void {
    switch (r) {
      case RTC_SECONDS:
        this.setTime((c) => (c.second = this.decode(v) % 60));
        return;
      case RTC_MINUTES:
        this.setTime((c) => (c.minute = this.decode(v) % 60));
        return;
      case RTC_HOURS:
        this.setTime((c) => (c.hour = this.decodeHour(v) % 24));
        return;
      case RTC_DAY_OF_WEEK:
        return; // derived from the date here
      case RTC_DAY_OF_MONTH:
        this.setTime((c) => (c.day = Math.max(1, this.decode(v))));
        return;
      case RTC_MONTH:
        this.setTime((c) => (c.month = Math.min(12, Math.max(1, this.decode(v)))));
        return;
      case RTC_YEAR:
        this.setTime((c) => (c.year = Math.floor(c.year / 100) * 100 + (this.decode(v) % 100)));
        return;
      case CMOS_CENTURY:
        this.setTime((c) => (c.year = this.decode(v) * 100 + (c.year % 100)));
        return;
      case RTC_REG_A:
        this.update();
        this.regA = v & 0x7f;
        this.lastPeriod = this.periods();
        return;
      case RTC_REG_B: {
        this.update();
        const wasSet = (this.regB & REG_B_SET) !== 0;
        let b = v;
        if (b & REG_B_SET) b &= ~REG_B_UIE; // "SET = 1 ... UIE is cleared"
        if (!wasSet && b & REG_B_SET) this.frozen = this.now();
        this.regB = b;
        if (wasSet && !(b & REG_B_SET)) {
          // The update chain restarts: the next update is one second after SET clears.
          this.baseSeconds = this.frozen;
          this.baseTick = this.clock.ticks;
          this.lastSecond = 0;
        }
        this.evaluateIrq();
        return;
      }
      case RTC_REG_C:
      case RTC_REG_D:
        return; // read-only
      default:
        this.ram[r] = v;
    }
  }

  private alarmMatches(): boolean {
    const c = toCivil(this.now());
    // Alarm bytes 0xC0-0xFF are "don't care".
    const match = (alarm: number, value: number) => alarm >= 0xc0 || alarm === value;
    return (
      match(this.ram[RTC_SECONDS_ALARM]!, this.encode(c.second)) &&
      match(this.ram[RTC_MINUTES_ALARM]!, this.encode(c.minute)) &&
      match(this.ram[RTC_HOURS_ALARM]!, this.encodeHour(c.hour))
    );
  }

  /** Sets the flags for updates, alarms and periodic ticks since the last call. */
  update(): void {
    const period = this.periods();
    if (period !== this.lastPeriod) {
      this.lastPeriod = period;
      this.regC |= REG_C_PF; // set at the periodic rate whether or not PIE is set
    }
    if (!(this.regB & REG_B_SET)) {
      const s = this.elapsedSeconds();
      if (s !== this.lastSecond) {
        this.lastSecond = s;
        this.regC |= REG_C_UF;
        if (this.alarmMatches()) this.regC |= REG_C_AF;
      }
    }
    this.evaluateIrq();
  }

  private evaluateIrq(): void {
    const enabled = this.regB & (REG_B_PIE | REG_B_AIE | REG_B_UIE);
    // PF, AF, UF sit at bits 6-4 like PIE, AIE, UIE in register B.
    if (this.regC & enabled & 0x70) {
      if (!(this.regC & REG_C_IRQF)) this.interrupts++;
      this.regC |= REG_C_IRQF;
      this.setIrq(true);
    }
  }

  private setIrq(level: boolean): void {
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }

  /** Ticks until the next periodic interrupt (if enabled), for the machine to size its run. */
  ticksToNextPeriodic(): number {
    const p = this.periodCycles();
    if (!p || !(this.regB & REG_B_PIE)) return Infinity;
    const nextCycle = (this.periods() + 1) * p;
    const q = Math.floor(nextCycle / 32768);
    const tick = q * PIT_HZ + Math.ceil(((nextCycle - q * 32768) * PIT_HZ) / 32768);
    return Math.max(1, tick - this.clock.ticks);
  }

  read(port: number, _size: IoSize): number {
    if ((port & 1) === 0) return 0xff; // the index port is write-only
    return this.readRegister(this.index);
  }

  write(port: number, _size: IoSize, value: number): void {
    if ((port & 1) === 0) {
      this.nmiMasked = (value & 0x80) !== 0;
      this.index = value & 0x3f; // the MC146818A decodes six address bits
      return;
    }
    this.writeRegister(this.index, value & 0xff);
  }

  counters(out: Record<string, number>): void {
    out["rtc.interrupts"] = this.interrupts;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "CmosRtc"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
