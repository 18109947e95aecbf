/* kprintf to the serial console: %d %u %x %s %c, and panic, which ends the run through the
 * debug-exit device with a failure code. */
#include "../arch/pv_ops.h"

typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, t) __builtin_va_arg(ap, t)
#define va_end(ap) __builtin_va_end(ap)

static void put_u(u32 v, u32 base) {
  char buf[12];
  int i = 0;
  do {
    buf[i++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  while (i) serial_putc(buf[--i]);
}

static void vkprintf(const char *fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      serial_putc(*fmt);
      continue;
    }
    switch (*++fmt) {
    case 'd': {
      int v = va_arg(ap, int);
      if (v < 0) serial_putc('-'), put_u(0u - (u32)v, 10);
      else put_u((u32)v, 10);
      break;
    }
    case 'u': put_u(va_arg(ap, u32), 10); break;
    case 'x': put_u(va_arg(ap, u32), 16); break;
    case 'c': serial_putc((char)va_arg(ap, int)); break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      while (*s) serial_putc(*s++);
      break;
    }
    case '%': serial_putc('%'); break;
    default: serial_putc('?'); break;
    }
  }
}

/* A message is never split by an interrupt handler's own output (printk's local_irq_save). */
void kprintf(const char *fmt, ...) {
  u32 flags = pv->save_flags();
  pv->irq_disable();
  va_list ap;
  va_start(ap, fmt);
  vkprintf(fmt, ap);
  va_end(ap);
  pv->restore_flags(flags);
}

void panic(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  kprintf("[kernel] panic: ");
  vkprintf(fmt, ap);
  kprintf("\n");
  va_end(ap);
  debug_exit(0x7F);
}
