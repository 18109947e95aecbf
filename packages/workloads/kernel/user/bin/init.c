/* init, process 1: runs the script /etc/rc one line at a time ("program arg..."; programs in
 * /bin), printing each command and how it ended, then exits 0 (which powers the machine off). */
#include "../lib/sys.h"

#define MAX_ARGS 16

int main(void) {
  static char rc[4096];
  int fd = open("/etc/rc", O_RDONLY, 0);
  if (fd < 0) {
    printf("init: cannot open /etc/rc: error %d\n", fd);
    return 1;
  }
  int n = 0, r;
  while ((r = read(fd, rc + n, sizeof rc - 1 - (u32)n)) > 0) n += r;
  close(fd);
  rc[n] = 0;
  printf("init: running /etc/rc\n");
  int programs = 0;
  char *line = rc;
  while (*line) {
    char *end = line;
    while (*end && *end != '\n') end++;
    char *next = *end ? end + 1 : end;
    *end = 0;
    if (*line && *line != '#') {
      printf("init: $ %s\n", line);
      char *argv[MAX_ARGS + 1];
      int argc = 0;
      for (char *s = line; *s && argc < MAX_ARGS;) {
        while (*s == ' ') *s++ = 0;
        if (!*s) break;
        argv[argc++] = s;
        while (*s && *s != ' ') s++;
      }
      argv[argc] = NULL;
      static char path[64] = "/bin/";
      u32 len = strlen(argv[0]);
      if (len > sizeof path - 6) len = sizeof path - 6;
      memcpy(path + 5, argv[0], len);
      path[5 + len] = 0;
      char *envp[] = {"PATH=/bin", NULL};
      int pid = fork();
      if (pid == 0) {
        int e = execve(path, argv, envp);
        printf("init: cannot execute %s: error %d\n", path, e);
        sys_exit(127);
      }
      int status = 0;
      if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        printf("init: fork/wait failed\n");
        return 1;
      }
      while (wait4(-1, NULL, 1 /* WNOHANG */, NULL) > 0) { /* orphans the program left to init */
      }
      if (WIFEXITED(status)) printf("init: %s exited with status %d\n", argv[0], WEXITSTATUS(status));
      else printf("init: %s killed by signal %d\n", argv[0], WTERMSIG(status));
      programs++;
    }
    line = next;
  }
  printf("init: %d programs run\n", programs);
  return 0;
}
