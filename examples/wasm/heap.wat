;; A tiny heap in the style of a C or Rust module compiled to WebAssembly: `malloc` bumps a
;; pointer and grows linear memory when a request does not fit. Growing replaces memory.buffer and
;; detaches the old one, so every JS typed array made over it before the call dies silently.
(module
  (memory (export "memory") 1 1024)
  (global $top (mut i32) (i32.const 1024))

  (func $malloc (export "malloc") (param $size i32) (result i32)
    (local $ptr i32)
    (local $end i32)
    (local $capacity i32)
    ;; 8-byte alignment, so any element type can be viewed at the returned address.
    (local.set $ptr (i32.and (i32.add (global.get $top) (i32.const 7)) (i32.const -8)))
    (local.set $end (i32.add (local.get $ptr) (local.get $size)))
    (local.set $capacity (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $capacity))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u
                  (i32.add (i32.sub (local.get $end) (local.get $capacity)) (i32.const 65535))
                  (i32.const 16)))
              (i32.const -1))
          (then unreachable))))
    (global.set $top (local.get $end))
    (local.get $ptr))

  ;; Sum of $n f64 values at byte address $ptr.
  (func (export "sum_f64") (param $ptr i32) (param $n i32) (result f64)
    (local $sum f64)
    (local $end i32)
    (local.set $end (i32.add (local.get $ptr) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (local.set $sum (f64.add (local.get $sum) (f64.load (local.get $ptr))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 8)))
        (br $next)))
    (local.get $sum))
)
