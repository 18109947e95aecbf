/**
 * The 8259A pair programmed through ports 0x20/0x21/0xA0/0xA1 as Linux does it
 * (arch/x86/kernel/i8259.c: probe_8259A, init_8259A, mask_and_ack_8259A), checked against the
 * Intel 8259A datasheet (231468): "Initialization Command Words", "Operation Command Words",
 * "Fully Nested Mode", "End of Interrupt", "Automatic Rotation", "Special Mask Mode", "Poll
 * Command", "Cascading", and the default IR7 response to a vanished request (spurious IRQ).
 */
import { describe, expect, it } from "vitest";
import { IoBus, PicPair } from "../src/devices/index";

function setup(icw4Master = 0x01, icw1 = 0x11) {
  const pic = new PicPair();
  const io = new IoBus();
  io.register("pic-master", 0x20, 2, pic);
  io.register("pic-slave", 0xa0, 2, pic);
  const outb = (port: number, v: number) => io.write(port, 1, v);
  const inb = (port: number) => io.read(port, 1);
  // init_8259A: mask all, ICW1-ICW4 on each chip (vectors 0x30 and 0x38, cascade on IR2).
  outb(0x21, 0xff);
  outb(0xa1, 0xff);
  outb(0x20, icw1);
  outb(0x21, 0x30);
  outb(0x21, 0x04);
  outb(0x21, icw4Master);
  outb(0xa0, icw1);
  outb(0xa1, 0x38);
  outb(0xa1, 0x02);
  outb(0xa1, 0x01);
  outb(0x21, 0x00); // unmask everything
  outb(0xa1, 0x00);
  const isr = (port: number) => (outb(port, 0x0b), inb(port)); // OCW3 RR=1 RIS=1
  const irr = (port: number) => (outb(port, 0x0a), inb(port)); // OCW3 RR=1 RIS=0
  return { pic, io, outb, inb, isr, irr };
}

describe("8259A pair", () => {
  it("keeps what is written to the mask register (Linux's probe_8259A)", () => {
    const { outb, inb } = setup();
    outb(0x21, 0xa5);
    expect(inb(0x21)).toBe(0xa5);
    outb(0xa1, 0x5a);
    expect(inb(0xa1)).toBe(0x5a);
  });

  it("raises INTR for a request and delivers ICW2's vector on INTA, moving IRR to ISR", () => {
    const { pic, isr, irr, outb } = setup();
    expect(pic.intr).toBe(false);
    pic.setIrq(1, true);
    expect(irr(0x20)).toBe(0x02);
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x31);
    expect(irr(0x20)).toBe(0x00);
    expect(isr(0x20)).toBe(0x02);
    expect(pic.intr).toBe(false);
    outb(0x20, 0x60 + 1); // specific EOI, as mask_and_ack_8259A sends
    expect(isr(0x20)).toBe(0x00);
  });

  it("is edge triggered: a line held high requests once, a new rising edge requests again", () => {
    const { pic, outb } = setup();
    pic.setIrq(3, true);
    expect(pic.acknowledge()).toBe(0x33);
    outb(0x20, 0x20);
    pic.setIrq(3, true); // still high: no new edge
    expect(pic.intr).toBe(false);
    pic.setIrq(3, false);
    pic.setIrq(3, true);
    expect(pic.intr).toBe(true);
  });

  it("nests a higher priority request over one in service and holds back lower ones", () => {
    const { pic, isr, outb } = setup();
    pic.setIrq(3, true);
    pic.setIrq(1, true);
    expect(pic.acknowledge()).toBe(0x31); // IR1 beats IR3
    expect(pic.intr).toBe(false); // IR3 has lower priority than IR1 in service
    pic.setIrq(0, true);
    expect(pic.intr).toBe(true); // IR0 nests
    expect(pic.acknowledge()).toBe(0x30);
    expect(isr(0x20)).toBe(0x03);
    outb(0x20, 0x20); // non-specific EOI ends the highest priority in service: IR0
    expect(isr(0x20)).toBe(0x02);
    expect(pic.intr).toBe(false);
    outb(0x20, 0x20);
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x33);
  });

  it("latches a masked request in IRR and delivers it when unmasked", () => {
    const { pic, irr, outb } = setup();
    outb(0x21, 0x01);
    pic.setIrq(0, true);
    expect(irr(0x20)).toBe(0x01);
    expect(pic.intr).toBe(false);
    outb(0x21, 0x00);
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x30);
  });

  it("routes slave requests through IR2: both chips put the level in service", () => {
    const { pic, isr, outb } = setup();
    pic.setIrq(12, true);
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x3c);
    expect(isr(0xa0)).toBe(0x10);
    expect(isr(0x20)).toBe(0x04);
    // Linux: specific EOI to the slave, then to the master's cascade line.
    outb(0xa0, 0x60 + 4);
    outb(0x20, 0x60 + 2);
    expect(isr(0xa0)).toBe(0);
    expect(isr(0x20)).toBe(0);
    const c: Record<string, number> = {};
    pic.counters(c);
    expect(c["irq.12"]).toBe(1);
  });

  it("a second slave request waits for the master's EOI of IR2 (fully nested, not special)", () => {
    const { pic, outb } = setup();
    pic.setIrq(12, true);
    expect(pic.acknowledge()).toBe(0x3c);
    pic.setIrq(9, true); // higher priority on the slave, but IR2 is in service on the master
    expect(pic.intr).toBe(false);
    outb(0xa0, 0x20);
    outb(0x20, 0x20);
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x39);
  });

  it("answers a request that vanished before INTA with IR7 and no ISR bit (spurious IRQ 7)", () => {
    const { pic, isr } = setup();
    pic.setIrq(5, true);
    expect(pic.intr).toBe(true);
    pic.setIrq(5, false); // a glitch: the line fell before the CPU's INTA
    expect(pic.acknowledge()).toBe(0x37);
    expect(isr(0x20)).toBe(0x00);
    const c: Record<string, number> = {};
    pic.counters(c);
    expect(c["pic.spurious"]).toBe(1);
    expect(c["irq.7"]).toBeUndefined();
  });

  it("gives IRQ 15's vector when the slave has nothing left at INTA, with master IR2 in service", () => {
    const { pic, isr } = setup();
    pic.master.setIrq(2, true); // the slave's INT glitched high; the slave itself has no request
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x3f);
    expect(isr(0xa0)).toBe(0x00);
    expect(isr(0x20)).toBe(0x04); // Linux's spurious IRQ 15 path sends the master its EOI
  });

  it("keeps a level-triggered request asserted after INTA until the line falls (ICW1 LTIM)", () => {
    const { pic, outb } = setup(0x01, 0x19);
    pic.setIrq(4, true);
    expect(pic.acknowledge()).toBe(0x34);
    outb(0x20, 0x20);
    expect(pic.intr).toBe(true); // still high: requested again
    pic.setIrq(4, false);
    expect(pic.intr).toBe(false);
  });

  it("leaves ISR clear in automatic EOI mode (ICW4 AEOI)", () => {
    const { pic, isr } = setup(0x03);
    pic.setIrq(4, true);
    expect(pic.acknowledge()).toBe(0x34);
    expect(isr(0x20)).toBe(0x00);
    pic.setIrq(6, true);
    expect(pic.intr).toBe(true); // nothing in service blocks IR6
  });

  it("rotates priorities: set priority (OCW2 0xC0) and rotate on non-specific EOI (0xA0)", () => {
    const { pic, outb, isr } = setup();
    outb(0x20, 0xc0 | 3); // IR3 lowest, so IR4 highest
    pic.setIrq(2, true);
    pic.setIrq(5, true);
    expect(pic.acknowledge()).toBe(0x35);
    outb(0x20, 0xa0); // rotate on non-specific EOI: IR5 becomes the lowest, IR6 the highest
    expect(isr(0x20)).toBe(0);
    pic.setIrq(7, true);
    expect(pic.acknowledge()).toBe(0x37); // IR7 ranks above IR2 now
    expect(pic.master.lowestPriority).toBe(5);
  });

  it("answers a poll command with I=1 and the highest level, acknowledging it", () => {
    const { pic, outb, inb, isr } = setup();
    // Polled systems keep the CPU's interrupts off; IMR still selects the levels polled.
    pic.setIrq(6, true);
    outb(0x20, 0x0c); // OCW3 P=1
    expect(inb(0x20)).toBe(0x86);
    expect(isr(0x20)).toBe(0x40);
    outb(0x20, 0x0c);
    expect(inb(0x20)).toBe(0x00); // nothing requesting
  });

  it("special mask mode lets lower levels through while a masked level is in service", () => {
    const { pic, outb } = setup();
    pic.setIrq(1, true);
    expect(pic.acknowledge()).toBe(0x31);
    pic.setIrq(3, true);
    expect(pic.intr).toBe(false);
    outb(0x20, 0x68); // OCW3 ESMM=1 SMM=1
    outb(0x21, 0x02); // mask the level in service
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x33);
    outb(0x20, 0x48); // ESMM=1 SMM=0: back to fully nested
    expect(pic.master.specialMask).toBe(false);
  });

  it("special fully nested mode lets a higher slave request through while IR2 is in service", () => {
    const { pic, outb } = setup(0x11); // master ICW4: SFNM | uPM
    pic.setIrq(12, true);
    expect(pic.acknowledge()).toBe(0x3c);
    pic.setIrq(9, true); // higher priority than IRQ 12 on the same slave
    expect(pic.intr).toBe(true); // SFNM: the master's in-service IR2 does not block its own line
    expect(pic.acknowledge()).toBe(0x39);
    pic.setIrq(13, true); // lower than IRQ 9 and IRQ 12 in service on the slave: held back there
    expect(pic.intr).toBe(false);
    outb(0xa0, 0x20); // ends IRQ 9; IRQ 12 still blocks IRQ 13
    expect(pic.intr).toBe(false);
    outb(0xa0, 0x20); // ends IRQ 12
    expect(pic.intr).toBe(true);
    expect(pic.acknowledge()).toBe(0x3d);
  });

  it("rotates in automatic EOI mode (OCW2 0x80): each serviced level becomes the lowest", () => {
    const { pic, outb } = setup(0x03);
    outb(0x20, 0x80);
    pic.setIrq(1, true);
    pic.setIrq(3, true);
    expect(pic.acknowledge()).toBe(0x31);
    expect(pic.master.lowestPriority).toBe(1);
    pic.setIrq(1, false);
    pic.setIrq(1, true); // IR1 again, but it now ranks below IR3
    expect(pic.acknowledge()).toBe(0x33);
    expect(pic.acknowledge()).toBe(0x31);
    outb(0x20, 0x00); // clear rotate in automatic EOI mode
    expect(pic.master.rotateOnAutoEoi).toBe(false);
  });

  it("ICW1 resets the mask and drops pending requests", () => {
    const { pic, outb, inb, irr } = setup();
    outb(0x21, 0xf0);
    pic.setIrq(2, true);
    outb(0x20, 0x11);
    outb(0x21, 0x08);
    outb(0x21, 0x04);
    outb(0x21, 0x01);
    expect(inb(0x21)).toBe(0x00);
    expect(irr(0x20)).toBe(0x00);
    expect(pic.master.vectorBase).toBe(0x08);
  });
});
