/* The whole runtime of our linux-i386 workloads: raw int 0x80 system calls (numbers from the
 * kernel's syscall_32.tbl) and a few output helpers. The same static binary runs natively on
 * an x86 Linux host, under qemu-i386 and on every Strata level. */
#ifndef STRATA_RT_H
#define STRATA_RT_H

typedef unsigned int u32;
typedef int i32;
typedef unsigned char u8;
typedef unsigned long long u64;

#define SYS_exit 1
#define SYS_write 4
#define SYS_getpid 20

static inline int sys1(int nr, int a) {
  int r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a) : "memory");
  return r;
}
static inline int sys3(int nr, int a, int b, int c) {
  int r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}

static inline u32 rt_strlen(const char *s) {
  u32 n = 0;
  while (s[n]) n++;
  return n;
}
static inline void put_str(const char *s) { sys3(SYS_write, 1, (int)s, (int)rt_strlen(s)); }
static inline void put_buf(const char *s, u32 n) { sys3(SYS_write, 1, (int)s, (int)n); }

static inline void put_u32(u32 v) {
  char buf[12];
  int i = 11;
  buf[i] = 0;
  do {
    buf[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  put_str(buf + i);
}
static inline void put_i32(i32 v) {
  if (v < 0) {
    put_str("-");
    put_u32(0u - (u32)v);
  } else {
    put_u32((u32)v);
  }
}
static inline void put_hex(u32 v) {
  char buf[11];
  const char *digits = "0123456789abcdef";
  buf[0] = '0';
  buf[1] = 'x';
  for (int i = 0; i < 8; i++) buf[2 + i] = digits[(v >> (28 - 4 * i)) & 15];
  buf[10] = 0;
  put_str(buf);
}
/* Parses a decimal argument; returns dflt when absent or malformed. */
static inline u32 arg_u32(int argc, char **argv, int i, u32 dflt) {
  if (i >= argc) return dflt;
  u32 v = 0;
  const char *s = argv[i];
  if (!*s) return dflt;
  for (; *s; s++) {
    if (*s < '0' || *s > '9') return dflt;
    v = v * 10 + (u32)(*s - '0');
  }
  return v;
}

/* gcc may emit calls to these even in freestanding code. */
void *memset(void *d, int c, u32 n);
void *memcpy(void *d, const void *s, u32 n);

#endif
