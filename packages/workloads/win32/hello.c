/* hello-win32: the smallest win32-pe workload: GetStdHandle, WriteFile, ExitProcess from
 * kernel32.dll, no C runtime (mingw -nostdlib), so a Win32 personality needs only those three
 * exports to run it. Prints one line and exits with status 0. */
typedef void *HANDLE;
typedef unsigned long DWORD;
typedef int BOOL;

__declspec(dllimport) HANDLE __stdcall GetStdHandle(DWORD nStdHandle);
__declspec(dllimport) BOOL __stdcall WriteFile(HANDLE h, const void *buf, DWORD n, DWORD *written, void *overlapped);
__declspec(dllimport) void __stdcall ExitProcess(unsigned int code);

#define STD_OUTPUT_HANDLE ((DWORD)-11)

static const char msg[] = "Hello from Strata (Win32)!\r\n";

void __stdcall mainCRTStartup(void) {
  DWORD written = 0;
  WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), msg, sizeof msg - 1, &written, 0);
  ExitProcess(written == sizeof msg - 1 ? 0 : 1);
}
