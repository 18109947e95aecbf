/* pipeline: parent | child through pipe(2). The child writes 1000 numbered lines (about 15 KiB,
 * several times the pipe's buffer, so both sides block) and exits; the parent reads to end of file
 * and prints what it received. */
#include "../lib/sys.h"

#define LINES 1000

static u32 format_line(char *buf, u32 i) {
  static const char prefix[] = "line ";
  u32 n = 0;
  for (; prefix[n]; n++) buf[n] = prefix[n];
  char tmp[12];
  int k = 0;
  u32 v = i * 2654435761u;
  do tmp[k++] = (char)('0' + v % 10), v /= 10;
  while (v);
  while (k) buf[n++] = tmp[--k];
  buf[n++] = '\n';
  return n;
}

int main(void) {
  int fds[2];
  if (pipe(fds) < 0) return 1;
  int pid = fork();
  if (pid == 0) {
    close(fds[0]);
    char buf[32];
    for (u32 i = 1; i <= LINES; i++) {
      u32 n = format_line(buf, i);
      if (write(fds[1], buf, n) != (int)n) sys_exit(3);
    }
    close(fds[1]);
    sys_exit(0);
  }
  close(fds[1]);
  static char buf[1000];
  u32 bytes = 0, lines = 0, h = FNV_OFFSET;
  int r;
  while ((r = read(fds[0], buf, sizeof buf)) > 0) {
    for (int i = 0; i < r; i++) lines += buf[i] == '\n';
    h = fnv1a(h, buf, (u32)r);
    bytes += (u32)r;
  }
  close(fds[0]);
  printf("pipeline: parent read %u lines, %u bytes, fnv1a 0x%8x\n", lines, bytes, h);
  int status;
  if (waitpid(pid, &status, 0) != pid) return 1;
  printf("pipeline: child exited with status %d\n", WEXITSTATUS(status));
  return r < 0 || status != 0;
}
