/* Strings and a small printf (%d %u %x %s %c, width for %u/%d/%x): one write(2) per call, so a
 * line written by one process is never split by another's. */
#include "sys.h"

void *memset(void *d, int c, u32 n) {
  u8 *p = d;
  while (n--) *p++ = (u8)c;
  return d;
}

void *memcpy(void *d, const void *s, u32 n) {
  u8 *p = d;
  const u8 *q = s;
  while (n--) *p++ = *q++;
  return d;
}

u32 strlen(const char *s) {
  u32 n = 0;
  while (s[n]) n++;
  return n;
}

int strcmp(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return (u8)*a - (u8)*b;
}

u32 fnv1a(u32 h, const void *p, u32 n) {
  const u8 *b = p;
  for (u32 i = 0; i < n; i++) h = (h ^ b[i]) * 0x01000193u;
  return h;
}

struct out {
  char buf[512];
  u32 n;
};

static void out_c(struct out *o, char c) {
  if (o->n == sizeof o->buf) {
    write(1, o->buf, o->n);
    o->n = 0;
  }
  o->buf[o->n++] = c;
}

static void out_u(struct out *o, u32 v, u32 base, int width) {
  char tmp[12];
  int i = 0;
  do {
    tmp[i++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  while (width-- > i) out_c(o, base == 16 ? '0' : ' ');
  while (i) out_c(o, tmp[--i]);
}

void printf(const char *fmt, ...) {
  struct out o;
  o.n = 0;
  __builtin_va_list ap;
  __builtin_va_start(ap, fmt);
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      out_c(&o, *fmt);
      continue;
    }
    int width = 0;
    while (fmt[1] >= '0' && fmt[1] <= '9') width = width * 10 + (*++fmt - '0');
    switch (*++fmt) {
    case 'd': {
      int v = __builtin_va_arg(ap, int);
      if (v < 0) out_c(&o, '-'), out_u(&o, 0u - (u32)v, 10, width);
      else out_u(&o, (u32)v, 10, width);
      break;
    }
    case 'u': out_u(&o, __builtin_va_arg(ap, u32), 10, width); break;
    case 'x': out_u(&o, __builtin_va_arg(ap, u32), 16, width); break;
    case 'c': out_c(&o, (char)__builtin_va_arg(ap, int)); break;
    case 's': {
      const char *s = __builtin_va_arg(ap, const char *);
      while (*s) out_c(&o, *s++);
      break;
    }
    default: out_c(&o, '%'); out_c(&o, *fmt); break;
    }
  }
  __builtin_va_end(ap);
  if (o.n) write(1, o.buf, o.n);
}
