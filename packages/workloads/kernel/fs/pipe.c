/* Pipes: a 4 KiB ring buffer with free-running indices; readers block while it is empty and
 * writers while it is full. Reading with no writer left is end of file; writing with no reader
 * left raises SIGPIPE and fails with EPIPE (pipe(7)). */
#include "../kernel.h"

#define PIPE_SIZE 4096u
#define NPIPE 16

struct pipe {
  int used;
  u32 r, w;
  int readers, writers;
  u8 buf[PIPE_SIZE];
};
static struct pipe pipes[NPIPE];

int pipe_new(struct file **rf, struct file **wf) {
  struct pipe *p = NULL;
  for (int i = 0; i < NPIPE && !p; i++)
    if (!pipes[i].used) p = &pipes[i];
  if (!p) return -ENFILE;
  *rf = file_alloc();
  if (!*rf) return -ENFILE;
  *wf = file_alloc();
  if (!*wf) {
    file_close(*rf);
    return -ENFILE;
  }
  p->used = 1;
  p->r = p->w = 0;
  p->readers = p->writers = 1;
  (*rf)->type = F_PIPE_READ;
  (*rf)->pipe = p;
  (*wf)->type = F_PIPE_WRITE;
  (*wf)->pipe = p;
  (*wf)->flags = 1; /* O_WRONLY */
  return 0;
}

int pipe_read(struct pipe *p, u32 ubuf, u32 n) {
  while (p->r == p->w) {
    if (!p->writers) return 0;
    if (signal_fatal_pending()) return -EINTR;
    sleep_on(p);
  }
  u32 got = 0;
  while (got < n && p->r != p->w) ((u8 *)ubuf)[got++] = p->buf[p->r++ % PIPE_SIZE];
  wakeup(p);
  return (int)got;
}

int pipe_write(struct pipe *p, u32 ubuf, u32 n) {
  u32 done = 0;
  while (done < n) {
    if (!p->readers) {
      proc_kill(cur->pid, SIGPIPE);
      return done ? (int)done : -EPIPE;
    }
    if (p->w - p->r == PIPE_SIZE) {
      wakeup(p);
      if (signal_fatal_pending()) return done ? (int)done : -EINTR;
      sleep_on(p);
      continue;
    }
    while (done < n && p->w - p->r < PIPE_SIZE) p->buf[p->w++ % PIPE_SIZE] = ((const u8 *)ubuf)[done++];
  }
  wakeup(p);
  return (int)n;
}

void pipe_close(struct pipe *p, int writer) {
  if (writer) p->writers--;
  else p->readers--;
  wakeup(p);
  if (!p->readers && !p->writers) p->used = 0;
}
