/* memset/memcpy: gcc emits calls to them for struct copies and large initializers even with
 * -ffreestanding, so every program links this file. */
#include "rt.h"

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
