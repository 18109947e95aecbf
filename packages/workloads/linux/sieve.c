/* sieve: the sieve of Eratosthenes over [0, 2^17), repeated argv[1] times (default 3);
 * prints the prime count and a checksum of the primes. Integer, memory and branch bound. */
#include "rt.h"

#define N (1u << 17)
static u8 composite[N];

int main(int argc, char **argv) {
  u32 rounds = arg_u32(argc, argv, 1, 3);
  u32 count = 0, sum = 0;
  for (u32 r = 0; r < rounds; r++) {
    memset(composite, 0, N);
    count = 0;
    sum = 0;
    for (u32 i = 2; i < N; i++) {
      if (composite[i]) continue;
      count++;
      sum = sum * 31 + i;
      for (u32 j = i * 2; j < N; j += i) composite[j] = 1;
    }
  }
  put_str("sieve: ");
  put_u32(count);
  put_str(" primes below ");
  put_u32(N);
  put_str(", checksum ");
  put_hex(sum);
  put_str("\n");
  return 0;
}
