; Interrupt and exception entry stubs, and the kernel context switch. Nothing here is privileged:
; the way back out (IRET) is pv->iret, called at the end of trap() (arch/trap.c).
        bits 32
        section .text
        extern trap

; Vectors whose exceptions push an error code (SDM Vol. 3 Table 6-1): 8, 10-14, 17, 21.
%macro STUB_NOERR 1
vec%1:  push dword 0
        push dword %1
        jmp alltraps
%endmacro
%macro STUB_ERR 1
vec%1:  push dword %1
        jmp alltraps
%endmacro

%assign i 0
%rep 48
%if i == 8 || (i >= 10 && i <= 14) || i == 17 || i == 21
        STUB_ERR i
%else
        STUB_NOERR i
%endif
%assign i i+1
%endrep
        STUB_NOERR 128

alltraps:
        push ds
        push es
        push fs
        push gs
        pushad
        mov ax, 0x10                ; kernel data segment
        mov ds, ax
        mov es, ax
        push esp                    ; struct trapframe *
        call trap                   ; does not return: it leaves through pv->iret
.hang:  jmp .hang

        section .rodata
        global trap_vectors
trap_vectors:
%assign i 0
%rep 48
        dd vec %+ i
%assign i i+1
%endrep
        dd vec128

; void swtch(u32 *old_esp, u32 new_esp): save the callee-saved registers on this kernel stack,
; switch stacks, restore the other's. A new process's stack is prepared by proc.c so that the
; final RET lands in forkret.
        section .text
        global swtch
swtch:
        mov eax, [esp+4]
        mov edx, [esp+8]
        push ebp
        push ebx
        push esi
        push edi
        mov [eax], esp
        mov esp, edx
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret
