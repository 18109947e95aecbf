; The virtual-8086 program of the v86 test, copied to linear 0x7000 and run as CS=0x0700.
; Offsets are exported as absolute symbols (label - v86_start) for the monitor in v86.c.
        bits 16
        section .text
        global  v86_start, v86_end
v86_start:

; Phase 1, IOPL 3: real-mode segment arithmetic, FLAGS as V86 code sees them, CLI/STI run
; natively, and INT n goes through the IDT (a DPL 3 gate to ring 0).
phase1:
        mov     ax, 0x1234
        mov     es, ax
        mov     word [es:0x0010], 0xBEEF ; linear 0x12350
        mov     ax, 0x1235
        mov     fs, ax
        mov     bx, [fs:0x0000]         ; the same linear address through another segment
        pushf
        pop     cx
        cli
        sti
        mov     ax, 0xFFFF
        add     ax, 1                   ; 16-bit wrap: CF ZF PF AF set
        mov     dx, ss
        int     0x30                    ; report to the monitor
p1_after_int:
        int     0x31                    ; end of phase 1

; Phase 2, IOPL 0: each IOPL-sensitive instruction is #GP(0) to the monitor, which skips it;
; IN/OUT are checked against the TSS I/O bitmap only (there is none, so they fault too).
phase2:
p2_cli: cli
p2_sti: sti
p2_pushf: pushf
p2_popf: popf
p2_int: int     0x30
p2_iret: iret
p2_in:  in      al, 0x80
p2_hlt: hlt
v86_end:

%macro EXPORT 1
        global  %1_off
%1_off  equ     %1 - v86_start
%endmacro
        EXPORT  phase1
        EXPORT  p1_after_int
        EXPORT  phase2
        EXPORT  p2_cli
        EXPORT  p2_sti
        EXPORT  p2_pushf
        EXPORT  p2_popf
        EXPORT  p2_int
        EXPORT  p2_iret
        EXPORT  p2_in
        EXPORT  p2_hlt
