/* ls <dir>...: the entries of each directory with their type and size, sorted by name
 * (getdents64 order is the file system's own). */
#include "../lib/sys.h"

#define MAX 64

static char names[MAX][64];
static u8 types[MAX];

static int list(const char *dir, int header) {
  static u8 buf[2048];
  int fd = open(dir, O_RDONLY | O_DIRECTORY, 0);
  if (fd < 0) return fd;
  int count = 0, n;
  while ((n = getdents64(fd, buf, sizeof buf)) > 0)
    for (int off = 0; off < n;) {
      u16 reclen = (u16)(buf[off + 16] | (buf[off + 17] << 8));
      const char *name = (const char *)buf + off + 19;
      if (strcmp(name, ".") && strcmp(name, "..") && count < MAX) {
        u32 len = strlen(name);
        if (len > 63) len = 63;
        memcpy(names[count], name, len);
        names[count][len] = 0;
        types[count] = buf[off + 18];
        count++;
      }
      off += reclen;
    }
  close(fd);
  for (int i = 1; i < count; i++)
    for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char t[64];
      u8 ty = types[j];
      memcpy(t, names[j], 64), memcpy(names[j], names[j - 1], 64), memcpy(names[j - 1], t, 64);
      types[j] = types[j - 1], types[j - 1] = ty;
    }
  if (header) printf("%s:\n", dir);
  for (int i = 0; i < count; i++) {
    if (types[i] == 4) {
      printf("  %s/\n", names[i]);
      continue;
    }
    static char path[256];
    u32 dl = strlen(dir), nl = strlen(names[i]);
    if (dl + nl + 2 > sizeof path) continue;
    memcpy(path, dir, dl);
    path[dl] = '/';
    memcpy(path + dl + 1, names[i], nl + 1);
    int f = open(path, O_RDONLY, 0);
    int size = f < 0 ? f : lseek(f, 0, SEEK_END);
    if (f >= 0) close(f);
    printf("  %s %d\n", names[i], size);
  }
  return n;
}

int main(int argc, char **argv) {
  int status = 0;
  for (int i = 1; i < argc; i++) {
    int r = list(argv[i], argc > 2); /* a header per directory only when there are several, as ls(1) */
    if (r < 0) {
      printf("ls: %s: error %d\n", argv[i], r);
      status = 1;
    }
  }
  return status;
}
