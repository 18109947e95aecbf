; The real-mode round trip of the pmode test: leave protected mode through a 16-bit segment,
; run real-mode code (segment arithmetic, the IVT, unreal mode), and re-enter protected mode
; with the GDT still loaded (SDM Vol. 3 §9.9.1 and §9.9.2). The 16-bit part is copied to
; linear 0x7000 and runs as CS=0x0700 in real mode.
        bits 32
SEL_CODE16 equ 0x30                     ; base 0x7000, limit 0xffff, 16-bit (pmode.c)
SEL_DATA16 equ 0x38                     ; base 0, limit 0xffff, 16-bit
SEL_KCODE  equ 0x08
SEL_KDATA  equ 0x10
RESULTS    equ 0x6000                   ; where the real-mode code leaves its observations

        section .text
        global  pmode_roundtrip, tramp_start, tramp_end
pmode_roundtrip:
        pushad
        mov     [saved_esp], esp
        sidt    [saved_idtr]
        jmp     SEL_CODE16:0            ; pm16, the first byte of the trampoline
pm_back:
        mov     ax, SEL_KDATA
        mov     ds, ax
        mov     es, ax
        mov     fs, ax
        mov     gs, ax
        mov     ss, ax
        mov     esp, [saved_esp]
        lidt    [saved_idtr]
        popad
        ret

        bits 16
tramp_start:
pm16:   ; 16-bit protected mode: give every data segment real-mode-like 64 KiB limits, except GS
        ; which keeps the flat 4 GiB kernel segment for the unreal-mode check.
        mov     ax, SEL_DATA16
        mov     ds, ax
        mov     es, ax
        mov     fs, ax
        mov     ss, ax
        mov     ax, SEL_KDATA
        mov     gs, ax
        mov     eax, cr0
        and     eax, 0xFFFFFFFE
        mov     cr0, eax
        jmp     0x0700:(real - tramp_start)
real:
        xor     ax, ax
        mov     ds, ax
        mov     ss, ax
        mov     sp, 0x7000
        lidt    [cs:real_idtr - tramp_start]
        mov     [RESULTS + 0], cs
        smsw    [RESULTS + 2]
        mov     ax, 0x1234
        mov     es, ax
        mov     word [es:0x0010], 0xBEEF
        mov     ax, 0x1235
        mov     es, ax
        mov     ax, [es:0x0000]
        mov     [RESULTS + 4], ax
        mov     word [0x55 * 4], int55 - tramp_start
        mov     word [0x55 * 4 + 2], 0x0700
        mov     ax, 0x0011
        int     0x55
        mov     [RESULTS + 6], ax
        mov     eax, [gs:dword 0x00100000]  ; unreal: GS kept its 4 GiB limit and base 0
        mov     [RESULTS + 8], eax
        mov     eax, cr0
        or      al, 1
        mov     cr0, eax
        jmp     dword SEL_KCODE:pm_back
int55:  add     ax, ax
        add     ax, 0x20
        iret
real_idtr:
        dw      0x03FF
        dd      0
tramp_end:

        section .bss
saved_esp:  resd 1
saved_idtr: resb 6
