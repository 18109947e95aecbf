/**
 * The 16550A at COM1 (0x3F8, IRQ 4) driven as Linux's 8250 driver drives it
 * (drivers/tty/serial/8250/8250_port.c: the scratch and IER probes of autoconfig, the FIFO
 * detection through IIR bits 7-6, the loopback test of MSR, the THRE test, the divisor latch),
 * checked against the PC16550D datasheet: Table II (registers), Table IV (interrupt control),
 * "FIFO Interrupt Mode Operation" (trigger levels, character timeout) and "Loopback".
 */
import { describe, expect, it } from "vitest";
import { PcDevices, PIT_HZ } from "../src/devices/index";

const COM1 = 0x3f8;

function setup(input: number[] = []) {
  const out: number[] = [];
  const d = new PcDevices({
    instructionsPerSecond: PIT_HZ,
    serialOut: (b) => out.push(b),
    serialIn: () => input.shift(),
  });
  const outb = (port: number, v: number) => d.io.write(port, 1, v);
  const inb = (port: number) => d.io.read(port, 1);
  for (const [p, v] of [[0x20, 0x11], [0x21, 0x30], [0x21, 0x04], [0x21, 0x01], [0x21, 0xef]] as const) outb(p, v);
  return { d, out, outb, inb };
}

describe("16550A UART", () => {
  it("passes autoconfig's probes: scratch register, IER bits, FIFO type 16550A", () => {
    const { outb, inb } = setup();
    outb(COM1 + 7, 0xa5);
    expect(inb(COM1 + 7)).toBe(0xa5);
    outb(COM1 + 1, 0x00);
    expect(inb(COM1 + 1) & 0x0f).toBe(0x00);
    outb(COM1 + 1, 0x0f);
    expect(inb(COM1 + 1)).toBe(0x0f);
    outb(COM1 + 1, 0xff);
    expect(inb(COM1 + 1)).toBe(0x0f); // bits 7-4 are always 0 on a 16550A
    outb(COM1 + 1, 0x00);
    outb(COM1 + 2, 0x01); // FCR: enable FIFOs
    expect(inb(COM1 + 2) >> 6).toBe(3); // "16550A" in autoconfig
    outb(COM1 + 2, 0x00);
    expect(inb(COM1 + 2) >> 6).toBe(0); // FIFOs off: a 16450-compatible IIR
  });

  it("exposes the divisor latch with LCR.DLAB and sends THR bytes to the host", () => {
    const { d, out, outb, inb } = setup();
    outb(COM1 + 3, 0x80);
    outb(COM1 + 0, 0x01);
    outb(COM1 + 1, 0x00);
    expect(inb(COM1 + 0)).toBe(0x01);
    outb(COM1 + 3, 0x03); // 8N1, DLAB off
    expect(d.com1.divisor).toBe(1);
    for (const c of "hi\n") outb(COM1, c.charCodeAt(0));
    expect(String.fromCharCode(...out)).toBe("hi\n");
    expect(inb(COM1 + 5) & 0x60).toBe(0x60); // THRE and TEMT: always empty here
    expect(d.counters()["serial.tx_bytes"]).toBe(3);
  });

  it("loops MCR outputs to MSR inputs and THR to RBR in loopback mode", () => {
    const { out, outb, inb } = setup();
    inb(COM1 + 6); // clear deltas
    outb(COM1 + 4, 0x10 | 0x0a); // LOOP | RTS | OUT2, as autoconfig's loopback test
    expect(inb(COM1 + 6) & 0xf0).toBe(0x90); // CTS (from RTS) and DCD (from OUT2)
    outb(COM1 + 4, 0x10 | 0x05); // DTR | OUT1
    expect(inb(COM1 + 6) & 0xf0).toBe(0x60); // DSR and RI
    outb(COM1, 0x41);
    expect(inb(COM1 + 5) & 0x01).toBe(0x01);
    expect(inb(COM1)).toBe(0x41);
    expect(out).toEqual([]); // nothing reached the host
  });

  it("raises a THRE interrupt when IER.ETBEI is set with THR empty; reading IIR clears it", () => {
    const { d, outb, inb } = setup();
    outb(COM1 + 4, 0x08); // OUT2 enables the PC's IRQ driver
    outb(COM1 + 1, 0x02);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x02);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x01); // cleared by the read that reported it
    outb(COM1, 0x58); // writing THR clears it; the byte leaves at once and THR is empty again
    expect(d.intr).toBe(true);
    expect(d.acknowledge()).toBe(0x34);
  });

  it("keeps IRQ 4 low without MCR.OUT2 even with an interrupt pending", () => {
    const { d, outb, inb } = setup();
    outb(COM1 + 4, 0x00);
    outb(COM1 + 1, 0x02);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x02);
    expect(d.intr).toBe(false);
  });

  it("receives one byte per character time and interrupts at the FIFO trigger level", () => {
    const input = [...Buffer.from("ABCDEFGH")];
    const { d, outb, inb } = setup(input);
    outb(COM1 + 3, 0x80);
    outb(COM1, 12); // 9600 baud
    outb(COM1 + 1, 0);
    outb(COM1 + 3, 0x03);
    outb(COM1 + 2, 0x41 | 0x06); // FIFO on, cleared, trigger level 4
    outb(COM1 + 4, 0x08);
    outb(COM1 + 1, 0x01); // ERBFI
    const charTicks = Math.ceil((10 * 12 * PIT_HZ) / 115200);
    expect(d.com1.charTicks()).toBe(charTicks);
    d.advance(3 * charTicks);
    expect(inb(COM1 + 5) & 0x01).toBe(0x01);
    expect(d.intr).toBe(false); // 3 bytes, below the trigger level
    d.advance(charTicks);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x04); // received data available
    expect(d.intr).toBe(true);
    let got = "";
    while (inb(COM1 + 5) & 0x01) got += String.fromCharCode(inb(COM1));
    expect(got).toBe("ABCD");
    expect(inb(COM1 + 2) & 0x0f).toBe(0x01);
  });

  it("raises a character timeout when data sits below the trigger for four character times", () => {
    const input = [0x31];
    const { d, outb, inb } = setup(input);
    outb(COM1 + 3, 0x80);
    outb(COM1, 1);
    outb(COM1 + 3, 0x03);
    outb(COM1 + 2, 0xc1); // trigger level 14
    outb(COM1 + 4, 0x08);
    outb(COM1 + 1, 0x01);
    const t = d.com1.charTicks();
    d.advance(t);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x01);
    d.advance(4 * t);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x0c);
    expect(inb(COM1)).toBe(0x31);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x01);
  });

  it("reports an overrun in LSR when the FIFO is full, and clears it when LSR is read", () => {
    const { d, outb, inb } = setup();
    outb(COM1 + 2, 0x01);
    for (let i = 0; i < 17; i++) d.com1.receive(i);
    expect(inb(COM1 + 5) & 0x03).toBe(0x03);
    expect(inb(COM1 + 5) & 0x02).toBe(0x00);
    expect(d.counters()["serial.overruns"]).toBe(1);
    expect(d.counters()["serial.rx_bytes"]).toBe(16);
    // Without FIFOs the holding register is one byte deep and the new character overwrites it.
    outb(COM1 + 2, 0x00);
    d.com1.receive(1);
    d.com1.receive(2);
    expect(inb(COM1 + 5) & 0x03).toBe(0x03);
    expect(inb(COM1)).toBe(2);
  });

  it("ranks line status above received data above THRE (Table IV)", () => {
    const { d, outb, inb } = setup();
    outb(COM1 + 1, 0x07);
    d.com1.receive(1);
    d.com1.receive(2); // no FIFO: overrun
    expect(inb(COM1 + 2) & 0x0f).toBe(0x06);
    inb(COM1 + 5);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x04);
    inb(COM1);
    expect(inb(COM1 + 2) & 0x0f).toBe(0x02);
  });

  it("reports modem line changes as deltas and a modem status interrupt (IIR 0x00)", () => {
    const { d, outb, inb } = setup();
    inb(COM1 + 6);
    outb(COM1 + 4, 0x08);
    outb(COM1 + 1, 0x08); // EDSSI
    expect(inb(COM1 + 2) & 0x0f).toBe(0x01);
    d.com1.setModemLines(0x30 | 0x40); // DCD drops, RI rises
    expect(inb(COM1 + 2) & 0x0f).toBe(0x00);
    expect(d.intr).toBe(true);
    expect(inb(COM1 + 6)).toBe(0x70 | 0x08); // lines CTS DSR RI, delta DCD
    expect(inb(COM1 + 2) & 0x0f).toBe(0x01); // reading MSR cleared it
    d.com1.setModemLines(0x30); // RI's trailing edge sets TERI
    expect(inb(COM1 + 6)).toBe(0x30 | 0x04);
  });
});
