;; The module every corpus case runs against: a heap in the style of a C or Rust module compiled to
;; WebAssembly. `malloc` bumps a pointer and grows linear memory when a request does not fit, then
;; tells the host through the `env.on_grow` import (Emscripten's glue re-creates its HEAP views
;; there). Growth replaces memory.buffer and detaches the old one: every typed array made over it
;; before the call reads 0-length and drops writes, silently.
(module
  (import "env" "on_grow" (func $on_grow))
  (memory (export "memory") 1 65536)
  (global $top (mut i32) (i32.const 1024))

  (func $malloc (export "malloc") (param $size i32) (result i32)
    (local $ptr i32)
    (local $end i32)
    (local $capacity i32)
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
          (then unreachable))
        (call $on_grow)))
    (global.set $top (local.get $end))
    (local.get $ptr))

  ;; A bump allocator frees nothing; the export exists because glue code calls it.
  (func (export "free") (param $ptr i32))

  ;; Moves $size bytes to a new block, as a realloc that cannot extend in place does.
  (func (export "realloc") (param $ptr i32) (param $old i32) (param $size i32) (result i32)
    (local $to i32)
    (local.set $to (call $malloc (local.get $size)))
    (memory.copy (local.get $to) (local.get $ptr) (local.get $old))
    (local.get $to))

  ;; A "process" export in the shape of a codec's: it allocates an output block of $n bytes (which
  ;; may grow memory), writes the input reversed into it and returns its address.
  (func (export "reverse") (param $ptr i32) (param $n i32) (result i32)
    (local $out i32)
    (local $i i32)
    (local.set $out (call $malloc (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8
          (i32.add (local.get $out) (local.get $i))
          (i32.load8_u (i32.sub (i32.add (local.get $ptr) (local.get $n)) (i32.add (local.get $i) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $out))

  ;; Sum of $n bytes at $ptr.
  (func (export "sum_u8") (param $ptr i32) (param $n i32) (result i32)
    (local $sum i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $ptr) (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $ptr))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Sum of $n f64 values at $ptr.
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

  ;; Moves the allocator's next address (8-aligned), growing memory to reach it: a test places blocks
  ;; above 2 GiB this way, as a program that has allocated that much would see them.
  (func (export "set_top") (param $addr i32)
    (local $capacity i32)
    (local.set $capacity (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $addr) (local.get $capacity))
      (then
        (drop (memory.grow
          (i32.shr_u (i32.add (i32.sub (local.get $addr) (local.get $capacity)) (i32.const 65535)) (i32.const 16))))
        (call $on_grow)))
    (global.set $top (local.get $addr)))

  ;; Grows memory by $pages directly, as `memory.grow` inside any export may; returns the old size.
  (func (export "grow") (param $pages i32) (result i32)
    (local $old i32)
    (local.set $old (memory.grow (local.get $pages)))
    (call $on_grow)
    (local.get $old))
)
