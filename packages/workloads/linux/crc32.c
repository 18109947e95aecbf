/* crc32: the IEEE 802.3 CRC-32 (table driven, reflected, polynomial 0xEDB88320) of a buffer
 * filled by a xorshift generator, argv[1] times (default 4). Shifts, xors and table loads. */
#include "rt.h"

static u32 table[256];
static u8 data[65536];

int main(int argc, char **argv) {
  u32 rounds = arg_u32(argc, argv, 1, 4);
  for (u32 i = 0; i < 256; i++) {
    u32 c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  u32 x = 2463534242u;
  for (u32 i = 0; i < sizeof data; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    data[i] = (u8)x;
  }
  u32 crc = 0;
  for (u32 r = 0; r < rounds; r++) {
    crc = 0xFFFFFFFFu;
    for (u32 i = 0; i < sizeof data; i++) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    crc ^= 0xFFFFFFFFu;
    data[r & 0xFFFF] ^= (u8)crc;
  }
  put_str("crc32: ");
  put_hex(crc);
  put_str(" after ");
  put_u32(rounds);
  put_str(" rounds\n");
  return 0;
}
