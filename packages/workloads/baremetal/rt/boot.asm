; Multiboot v1 entry of every bare-metal test kernel, and the interrupt stubs they share.
; A Multiboot loader (qemu -kernel, strata-x86 -kernel) enters _start in 32-bit protected mode
; with paging off, interrupts disabled and an unspecified GDT (Multiboot spec 0.6.96 §3.2), so
; the runtime installs its own GDT and IDT before any test runs.
        bits 32

MB_MAGIC  equ 0x1BADB002
MB_FLAGS  equ 0x00000003                ; page-align modules, ask for memory info
        section .multiboot progbits alloc noexec nowrite align=4
        dd      MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

        section .text
        global  _start
        extern  rt_main
_start:
        cli
        mov     esp, stack_top
        ; A known EFLAGS (only the always-one bit 1) and CR0 (PE, plus ET which the 486 and later
        ; hard-wire to one, SDM Vol. 3 §2.5), whatever the loader left.
        push    dword 2
        popfd
        mov     eax, 0x00000011
        mov     cr0, eax
        push    ebx                     ; Multiboot information (unused: it varies per loader)
        call    rt_main
.halt:  cli
        hlt
        jmp     .halt

; void rt_load_segments(u16 code, u16 data): reload CS with a far return and the data segments.
        global  rt_load_segments
rt_load_segments:
        mov     eax, [esp+8]
        mov     ds, ax
        mov     es, ax
        mov     fs, ax
        mov     gs, ax
        mov     ss, ax
        pop     edx                     ; return address
        pop     eax                     ; code selector
        push    eax
        push    eax
        push    edx
        retf                            ; pops EIP then CS: leaves one argument slot for the caller
        
; Interrupt stubs: each pushes a dummy error code when the CPU pushes none (SDM Vol. 3 §6.13
; lists the vectors with one: 8, 10-14, 17), then its vector, and joins rt_isr_common.
%macro ISR_NOERR 1
isr_%1: push dword 0
        push dword %1
        jmp  rt_isr_common
%endmacro
%macro ISR_ERR 1
isr_%1: push dword %1
        jmp  rt_isr_common
%endmacro

%assign v 0
%rep 256
%if v == 8 || (v >= 10 && v <= 14) || v == 17
        ISR_ERR v
%else
        ISR_NOERR v
%endif
%assign v v+1
%endrep

        extern  rt_isr_dispatch
rt_isr_common:
        pushad
        push    ds
        push    es
        push    fs
        push    gs
        mov     ax, 0x10
        mov     ds, ax
        mov     es, ax
        cld
        push    esp                     ; struct frame *
        call    rt_isr_dispatch
        add     esp, 4
        pop     gs
        pop     fs
        pop     es
        pop     ds
        popad
        add     esp, 8                  ; vector and error code
        iretd

        section .rodata
        global  rt_isr_table
rt_isr_table:
%assign v 0
%rep 256
        dd isr_ %+ v
%assign v v+1
%endrep

; int rt_setjmp(struct jmpbuf *) / void rt_longjmp(struct jmpbuf *, int): the non-local return a
; fault handler uses to abandon the faulting code and resume the test (frames are discarded).
        section .text
        global  rt_setjmp, rt_longjmp
rt_setjmp:
        mov     eax, [esp+4]
        mov     [eax+0], ebx
        mov     [eax+4], esi
        mov     [eax+8], edi
        mov     [eax+12], ebp
        lea     ecx, [esp+4]
        mov     [eax+16], ecx           ; ESP after return
        mov     ecx, [esp]
        mov     [eax+20], ecx           ; return address
        xor     eax, eax
        ret
rt_longjmp:
        mov     edx, [esp+4]
        mov     eax, [esp+8]
        mov     ebx, [edx+0]
        mov     esi, [edx+4]
        mov     edi, [edx+8]
        mov     ebp, [edx+12]
        mov     esp, [edx+16]
        test    eax, eax
        jnz     .nz
        inc     eax
.nz:    jmp     [edx+20]

; void rt_enter_user(u32 eip, u32 esp, u32 eflags, u32 cs, u32 ss): IRET to an outer ring
; (SDM Vol. 3 §6.12.1: IRET pops EIP, CS, EFLAGS, then ESP and SS on a privilege change).
        global  rt_enter_user
rt_enter_user:
        mov     eax, [esp+20]           ; ss
        mov     ds, ax
        mov     es, ax
        mov     fs, ax
        mov     gs, ax
        push    eax                     ; SS
        push    dword [esp+12]          ; ESP   (offsets shift by 4 per push)
        push    dword [esp+20]          ; EFLAGS
        push    dword [esp+28]          ; CS
        push    dword [esp+20]          ; EIP
        iretd

        section .bss
        align   16
        global  stack_top
stack:  resb    16384
stack_top:
