/* The console: a 16550 UART on COM1 (ports 0x3F8-0x3FF), 115200 8N1, polled transmit and an
 * interrupt (IRQ 4) on receive that wakes readers. Register names from the PC16550D datasheet. */
#include "../arch/pv_ops.h"

#define COM1 0x3F8
#define RBR 0 /* receive buffer (DLAB=0) */
#define THR 0 /* transmit holding (DLAB=0) */
#define IER 1 /* interrupt enable */
#define DLL 0 /* divisor latch low (DLAB=1) */
#define DLM 1 /* divisor latch high (DLAB=1) */
#define FCR 2 /* FIFO control */
#define LCR 3 /* line control */
#define MCR 4 /* modem control */
#define LSR 5 /* line status */
#define LSR_DR 0x01
#define LSR_THRE 0x20

void serial_init(void) {
  pv->outb(COM1 + IER, 0x00);
  pv->outb(COM1 + LCR, 0x80); /* DLAB */
  pv->outb(COM1 + DLL, 1);    /* 115200 baud */
  pv->outb(COM1 + DLM, 0);
  pv->outb(COM1 + LCR, 0x03); /* 8 bits, no parity, 1 stop */
  pv->outb(COM1 + FCR, 0x07); /* enable and clear FIFOs */
  pv->outb(COM1 + MCR, 0x0B); /* DTR, RTS, OUT2 (gates the IRQ line on a PC) */
  pv->outb(COM1 + IER, 0x01); /* received data available */
}

void serial_putc(char c) {
  while ((pv->inb(COM1 + LSR) & LSR_THRE) == 0) {
  }
  pv->outb(COM1 + THR, (u8)c);
}

int serial_getc_nonblock(void) {
  if ((pv->inb(COM1 + LSR) & LSR_DR) == 0) return -1;
  return pv->inb(COM1 + RBR);
}

static int console_chan;
void serial_irq(void) { wakeup(&console_chan); }

/* Blocking read of at least one byte from COM1 (the console's stdin). */
int serial_read(char *buf, u32 n) {
  u32 got = 0;
  for (;;) {
    int c;
    while (got < n && (c = serial_getc_nonblock()) >= 0) buf[got++] = (char)(c == '\r' ? '\n' : c);
    if (got) return (int)got;
    if (signal_fatal_pending()) return -EINTR;
    sleep_on(&console_chan);
  }
}
