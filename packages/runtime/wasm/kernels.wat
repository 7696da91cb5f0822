;; The runtime's fast kernels, run over data where it lives: in the WebAssembly.Memory objects the
;; module imports (one instance per memory, or per set of memories). Addresses are byte offsets into
;; the operand's memory; element counts and shapes are unsigned. Written by hand: f64x2/f32x4 with
;; four independent accumulators, since one accumulator is bound by the latency of each add rather
;; than by memory.
(module
  ;; Each operand has its memory: the first (x, a source, A) is in $m0, the second (y, a target, B)
  ;; in $m1, the third (C) in $m2. The build makes two modules of this text (tools/wat.mjs): this one,
  ;; for operands in different memories (multi-memory: Node 22 and later), and one that imports a
  ;; single memory as $m0 for all three, for operands that share one.
  (import "env" "m0" (memory $m0 0))
  (import "env" "m1" (memory $m1 0))
  (import "env" "m2" (memory $m2 0))

  ;; Sum of $n f64 elements at $x: four f64x2 accumulators over
  ;; leaves of 1024 elements, leaves added pairwise (recursion halves the range).
  (func $sum_f64 (export "sum_f64") (param $x i32) (param $n i32) (result f64)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $end i32) (local $h i32) (local $s f64)
    (if (i32.gt_u (local.get $n) (i32.const 1024))
      (then
        (local.set $h (i32.and (i32.shr_u (local.get $n) (i32.const 1)) (i32.const -8)))
        (return (f64.add (call $sum_f64 (local.get $x) (local.get $h)) (call $sum_f64 (i32.add (local.get $x) (i32.shl (local.get $h) (i32.const 3))) (i32.sub (local.get $n) (local.get $h)))))))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $a (f64x2.add (local.get $a) (v128.load $m0 (local.get $x))))
        (local.set $b (f64x2.add (local.get $b) (v128.load $m0 offset=16 (local.get $x))))
        (local.set $c (f64x2.add (local.get $c) (v128.load $m0 offset=32 (local.get $x))))
        (local.set $d (f64x2.add (local.get $d) (v128.load $m0 offset=48 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (br $next)))
    (local.set $a (f64x2.add (f64x2.add (local.get $a) (local.get $b)) (f64x2.add (local.get $c) (local.get $d))))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.load $m0 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br $next)))
    (local.get $s))

  ;; Dot product of $n f64 elements of $x and $y: four f64x2 accumulators over
  ;; leaves of 1024 elements, leaves added pairwise (recursion halves the range).
  (func $dot_f64 (export "dot_f64") (param $x i32) (param $y i32) (param $n i32) (result f64)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $end i32) (local $h i32) (local $s f64)
    (if (i32.gt_u (local.get $n) (i32.const 1024))
      (then
        (local.set $h (i32.and (i32.shr_u (local.get $n) (i32.const 1)) (i32.const -8)))
        (return (f64.add (call $dot_f64 (local.get $x) (local.get $y) (local.get $h)) (call $dot_f64 (i32.add (local.get $x) (i32.shl (local.get $h) (i32.const 3))) (i32.add (local.get $y) (i32.shl (local.get $h) (i32.const 3))) (i32.sub (local.get $n) (local.get $h)))))))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $a (f64x2.add (local.get $a) (f64x2.mul (v128.load $m0 (local.get $x)) (v128.load $m1 (local.get $y)))))
        (local.set $b (f64x2.add (local.get $b) (f64x2.mul (v128.load $m0 offset=16 (local.get $x)) (v128.load $m1 offset=16 (local.get $y)))))
        (local.set $c (f64x2.add (local.get $c) (f64x2.mul (v128.load $m0 offset=32 (local.get $x)) (v128.load $m1 offset=32 (local.get $y)))))
        (local.set $d (f64x2.add (local.get $d) (f64x2.mul (v128.load $m0 offset=48 (local.get $x)) (v128.load $m1 offset=48 (local.get $y)))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (br $next)))
    (local.set $a (f64x2.add (f64x2.add (local.get $a) (local.get $b)) (f64x2.add (local.get $c) (local.get $d))))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.load $m0 (local.get $x)) (f64.load $m1 (local.get $y)))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (local.set $y (i32.add (local.get $y) (i32.const 8)))
        (br $next)))
    (local.get $s))

  ;; $y += $alpha * $x over $n f64 elements, four vectors per iteration.
  (func $axpy_f64 (export "axpy_f64") (param $alpha f64) (param $x i32) (param $y i32) (param $n i32)
    (local $va v128) (local $sa f64) (local $end i32)
    (local.set $va (f64x2.splat (local.get $alpha)))
    (local.set $sa (local.get $alpha))
    (local.set $end (i32.add (local.get $y) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
        (v128.store $m1 (local.get $y) (f64x2.add (v128.load $m1 (local.get $y)) (f64x2.mul (local.get $va) (v128.load $m0 (local.get $x)))))
        (v128.store $m1 offset=16 (local.get $y) (f64x2.add (v128.load $m1 offset=16 (local.get $y)) (f64x2.mul (local.get $va) (v128.load $m0 offset=16 (local.get $x)))))
        (v128.store $m1 offset=32 (local.get $y) (f64x2.add (v128.load $m1 offset=32 (local.get $y)) (f64x2.mul (local.get $va) (v128.load $m0 offset=32 (local.get $x)))))
        (v128.store $m1 offset=48 (local.get $y) (f64x2.add (v128.load $m1 offset=48 (local.get $y)) (f64x2.mul (local.get $va) (v128.load $m0 offset=48 (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (br $next)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
        (f64.store $m1 (local.get $y) (f64.add (f64.load $m1 (local.get $y)) (f64.mul (local.get $sa) (f64.load $m0 (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (local.set $y (i32.add (local.get $y) (i32.const 8)))
        (br $next))))

  ;; $x *= $alpha over $n f64 elements, four vectors per iteration.
  (func $scal_f64 (export "scal_f64") (param $alpha f64) (param $x i32) (param $n i32)
    (local $va v128) (local $sa f64) (local $end i32)
    (local.set $va (f64x2.splat (local.get $alpha)))
    (local.set $sa (local.get $alpha))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (v128.store $m0 (local.get $x) (f64x2.mul (local.get $va) (v128.load $m0 (local.get $x))))
        (v128.store $m0 offset=16 (local.get $x) (f64x2.mul (local.get $va) (v128.load $m0 offset=16 (local.get $x))))
        (v128.store $m0 offset=32 (local.get $x) (f64x2.mul (local.get $va) (v128.load $m0 offset=32 (local.get $x))))
        (v128.store $m0 offset=48 (local.get $x) (f64x2.mul (local.get $va) (v128.load $m0 offset=48 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (br $next)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (f64.store $m0 (local.get $x) (f64.mul (local.get $sa) (f64.load $m0 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br $next))))

  ;; A 2-D f64 source with byte strides $rs (rows) and $cs (columns), copied into C order at $dst,
  ;; in 32x32 tiles so that a transposed source is read a few cache lines at a time.
  (func $copy2d_f64 (export "copy2d_f64") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32) (param $rs i32) (param $cs i32)
    (local $ib i32) (local $jb i32) (local $i i32) (local $imax i32) (local $jmax i32) (local $s i32) (local $d i32) (local $dend i32)
    (block $rows_done
      (loop $rows_next
        (br_if $rows_done (i32.ge_u (local.get $ib) (local.get $rows)))
        (local.set $imax (select (i32.add (local.get $ib) (i32.const 32)) (local.get $rows) (i32.lt_u (i32.add (local.get $ib) (i32.const 32)) (local.get $rows))))
        (local.set $jb (i32.const 0))
        (block $cols_done
          (loop $cols_next
            (br_if $cols_done (i32.ge_u (local.get $jb) (local.get $cols)))
            (local.set $jmax (select (i32.add (local.get $jb) (i32.const 32)) (local.get $cols) (i32.lt_u (i32.add (local.get $jb) (i32.const 32)) (local.get $cols))))
            (local.set $i (local.get $ib))
            (block $tile_done
              (loop $tile_next
                (br_if $tile_done (i32.ge_u (local.get $i) (local.get $imax)))
                (local.set $s (i32.add (local.get $src) (i32.add (i32.mul (local.get $i) (local.get $rs)) (i32.mul (local.get $jb) (local.get $cs)))))
                (local.set $d (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $jb)) (i32.const 3))))
                (local.set $dend (i32.add (local.get $d) (i32.shl (i32.sub (local.get $jmax) (local.get $jb)) (i32.const 3))))
                (block $row_done
                  (loop $row_next
                    (br_if $row_done (i32.ge_u (local.get $d) (local.get $dend)))
                    (f64.store $m1 (local.get $d) (f64.load $m0 (local.get $s)))
                    (local.set $s (i32.add (local.get $s) (local.get $cs)))
                    (local.set $d (i32.add (local.get $d) (i32.const 8)))
                    (br $row_next)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $tile_next)))
            (local.set $jb (local.get $jmax))
            (br $cols_next)))
        (local.set $ib (local.get $imax))
        (br $rows_next))))

  ;; Sum of $n f32 elements at $x: four f32x4 accumulators over
  ;; leaves of 1024 elements, leaves added pairwise (recursion halves the range).
  (func $sum_f32 (export "sum_f32") (param $x i32) (param $n i32) (result f64)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $end i32) (local $h i32) (local $s f64)
    (if (i32.gt_u (local.get $n) (i32.const 1024))
      (then
        (local.set $h (i32.and (i32.shr_u (local.get $n) (i32.const 1)) (i32.const -16)))
        (return (f64.add (call $sum_f32 (local.get $x) (local.get $h)) (call $sum_f32 (i32.add (local.get $x) (i32.shl (local.get $h) (i32.const 2))) (i32.sub (local.get $n) (local.get $h)))))))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $a (f32x4.add (local.get $a) (v128.load $m0 (local.get $x))))
        (local.set $b (f32x4.add (local.get $b) (v128.load $m0 offset=16 (local.get $x))))
        (local.set $c (f32x4.add (local.get $c) (v128.load $m0 offset=32 (local.get $x))))
        (local.set $d (f32x4.add (local.get $d) (v128.load $m0 offset=48 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (br $next)))
    (local.set $a (f32x4.add (f32x4.add (local.get $a) (local.get $b)) (f32x4.add (local.get $c) (local.get $d))))
    (local.set $s (f64.add (f64.add (f64.promote_f32 (f32x4.extract_lane 0 (local.get $a))) (f64.promote_f32 (f32x4.extract_lane 1 (local.get $a)))) (f64.add (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a))) (f64.promote_f32 (f32x4.extract_lane 3 (local.get $a))))))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 15)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.load $m0 (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $next)))
    (local.get $s))

  ;; Dot product of $n f32 elements of $x and $y: four f32x4 accumulators over
  ;; leaves of 1024 elements, leaves added pairwise (recursion halves the range).
  (func $dot_f32 (export "dot_f32") (param $x i32) (param $y i32) (param $n i32) (result f64)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $end i32) (local $h i32) (local $s f64)
    (if (i32.gt_u (local.get $n) (i32.const 1024))
      (then
        (local.set $h (i32.and (i32.shr_u (local.get $n) (i32.const 1)) (i32.const -16)))
        (return (f64.add (call $dot_f32 (local.get $x) (local.get $y) (local.get $h)) (call $dot_f32 (i32.add (local.get $x) (i32.shl (local.get $h) (i32.const 2))) (i32.add (local.get $y) (i32.shl (local.get $h) (i32.const 2))) (i32.sub (local.get $n) (local.get $h)))))))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $a (f32x4.add (local.get $a) (f32x4.mul (v128.load $m0 (local.get $x)) (v128.load $m1 (local.get $y)))))
        (local.set $b (f32x4.add (local.get $b) (f32x4.mul (v128.load $m0 offset=16 (local.get $x)) (v128.load $m1 offset=16 (local.get $y)))))
        (local.set $c (f32x4.add (local.get $c) (f32x4.mul (v128.load $m0 offset=32 (local.get $x)) (v128.load $m1 offset=32 (local.get $y)))))
        (local.set $d (f32x4.add (local.get $d) (f32x4.mul (v128.load $m0 offset=48 (local.get $x)) (v128.load $m1 offset=48 (local.get $y)))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (br $next)))
    (local.set $a (f32x4.add (f32x4.add (local.get $a) (local.get $b)) (f32x4.add (local.get $c) (local.get $d))))
    (local.set $s (f64.add (f64.add (f64.promote_f32 (f32x4.extract_lane 0 (local.get $a))) (f64.promote_f32 (f32x4.extract_lane 1 (local.get $a)))) (f64.add (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a))) (f64.promote_f32 (f32x4.extract_lane 3 (local.get $a))))))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 15)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.mul (f32.load $m0 (local.get $x)) (f32.load $m1 (local.get $y))))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $next)))
    (local.get $s))

  ;; $y += $alpha * $x over $n f32 elements, four vectors per iteration.
  (func $axpy_f32 (export "axpy_f32") (param $alpha f64) (param $x i32) (param $y i32) (param $n i32)
    (local $va v128) (local $sa f32) (local $end i32)
    (local.set $va (f32x4.splat (f32.demote_f64 (local.get $alpha))))
    (local.set $sa (f32.demote_f64 (local.get $alpha)))
    (local.set $end (i32.add (local.get $y) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
        (v128.store $m1 (local.get $y) (f32x4.add (v128.load $m1 (local.get $y)) (f32x4.mul (local.get $va) (v128.load $m0 (local.get $x)))))
        (v128.store $m1 offset=16 (local.get $y) (f32x4.add (v128.load $m1 offset=16 (local.get $y)) (f32x4.mul (local.get $va) (v128.load $m0 offset=16 (local.get $x)))))
        (v128.store $m1 offset=32 (local.get $y) (f32x4.add (v128.load $m1 offset=32 (local.get $y)) (f32x4.mul (local.get $va) (v128.load $m0 offset=32 (local.get $x)))))
        (v128.store $m1 offset=48 (local.get $y) (f32x4.add (v128.load $m1 offset=48 (local.get $y)) (f32x4.mul (local.get $va) (v128.load $m0 offset=48 (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (br $next)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 15)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
        (f32.store $m1 (local.get $y) (f32.add (f32.load $m1 (local.get $y)) (f32.mul (local.get $sa) (f32.load $m0 (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $next))))

  ;; $x *= $alpha over $n f32 elements, four vectors per iteration.
  (func $scal_f32 (export "scal_f32") (param $alpha f64) (param $x i32) (param $n i32)
    (local $va v128) (local $sa f32) (local $end i32)
    (local.set $va (f32x4.splat (f32.demote_f64 (local.get $alpha))))
    (local.set $sa (f32.demote_f64 (local.get $alpha)))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (v128.store $m0 (local.get $x) (f32x4.mul (local.get $va) (v128.load $m0 (local.get $x))))
        (v128.store $m0 offset=16 (local.get $x) (f32x4.mul (local.get $va) (v128.load $m0 offset=16 (local.get $x))))
        (v128.store $m0 offset=32 (local.get $x) (f32x4.mul (local.get $va) (v128.load $m0 offset=32 (local.get $x))))
        (v128.store $m0 offset=48 (local.get $x) (f32x4.mul (local.get $va) (v128.load $m0 offset=48 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (br $next)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 15)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (f32.store $m0 (local.get $x) (f32.mul (local.get $sa) (f32.load $m0 (local.get $x))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $next))))

  ;; A 2-D f32 source with byte strides $rs (rows) and $cs (columns), copied into C order at $dst,
  ;; in 32x32 tiles so that a transposed source is read a few cache lines at a time.
  (func $copy2d_f32 (export "copy2d_f32") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32) (param $rs i32) (param $cs i32)
    (local $ib i32) (local $jb i32) (local $i i32) (local $imax i32) (local $jmax i32) (local $s i32) (local $d i32) (local $dend i32)
    (block $rows_done
      (loop $rows_next
        (br_if $rows_done (i32.ge_u (local.get $ib) (local.get $rows)))
        (local.set $imax (select (i32.add (local.get $ib) (i32.const 32)) (local.get $rows) (i32.lt_u (i32.add (local.get $ib) (i32.const 32)) (local.get $rows))))
        (local.set $jb (i32.const 0))
        (block $cols_done
          (loop $cols_next
            (br_if $cols_done (i32.ge_u (local.get $jb) (local.get $cols)))
            (local.set $jmax (select (i32.add (local.get $jb) (i32.const 32)) (local.get $cols) (i32.lt_u (i32.add (local.get $jb) (i32.const 32)) (local.get $cols))))
            (local.set $i (local.get $ib))
            (block $tile_done
              (loop $tile_next
                (br_if $tile_done (i32.ge_u (local.get $i) (local.get $imax)))
                (local.set $s (i32.add (local.get $src) (i32.add (i32.mul (local.get $i) (local.get $rs)) (i32.mul (local.get $jb) (local.get $cs)))))
                (local.set $d (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $jb)) (i32.const 2))))
                (local.set $dend (i32.add (local.get $d) (i32.shl (i32.sub (local.get $jmax) (local.get $jb)) (i32.const 2))))
                (block $row_done
                  (loop $row_next
                    (br_if $row_done (i32.ge_u (local.get $d) (local.get $dend)))
                    (f32.store $m1 (local.get $d) (f32.load $m0 (local.get $s)))
                    (local.set $s (i32.add (local.get $s) (local.get $cs)))
                    (local.set $d (i32.add (local.get $d) (i32.const 4)))
                    (br $row_next)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $tile_next)))
            (local.set $jb (local.get $jmax))
            (br $cols_next)))
        (local.set $ib (local.get $imax))
        (br $rows_next))))

  ;; Sum over $k of A(p) * B(p), A stepping $sa bytes and B $sb bytes: one element of a product
  ;; whose rows or columns do not fill a vector block.
  (func $dot_f64_strided (param $pa i32) (param $sa i32) (param $pb i32) (param $sb i32) (param $k i32) (result f64)
    (local $s f64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $k)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.load $m0 (local.get $pa)) (f64.load $m1 (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (local.get $sa)))
        (local.set $pb (i32.add (local.get $pb) (local.get $sb)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; C = A·B for A m×k (byte strides $sa0, $sa1), B k×n with contiguous rows ($sb0 between rows)
  ;; and C m×n with contiguous rows ($sc0). Blocks of 4 rows × 4 columns keep eight f64x2
  ;; accumulators in registers: each row of B loaded is used for four rows of C, each element of A
  ;; for 4 columns. Rows and columns left over are done one element at a time.
  (func (export "gemm_f64") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (param $sa0 i32) (param $sa1 i32) (param $sb0 i32) (param $sc0 i32)
    (local $i i32) (local $j i32) (local $p i32) (local $mv i32) (local $nv i32)
    (local $pa i32) (local $pb i32) (local $pc i32)
    (local $sa0x1 i32) (local $sa0x2 i32) (local $sa0x3 i32) (local $sc0x1 i32) (local $sc0x2 i32) (local $sc0x3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $sa0x1 (local.get $sa0))
    (local.set $sa0x2 (i32.shl (local.get $sa0) (i32.const 1)))
    (local.set $sa0x3 (i32.add (local.get $sa0x2) (local.get $sa0)))
    (local.set $sc0x1 (local.get $sc0))
    (local.set $sc0x2 (i32.shl (local.get $sc0) (i32.const 1)))
    (local.set $sc0x3 (i32.add (local.get $sc0x2) (local.get $sc0)))
    (local.set $mv (i32.and (local.get $m) (i32.const -4)))
    (local.set $nv (i32.and (local.get $n) (i32.const -4)))
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $mv)))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $j) (local.get $nv)))
          (local.set $c00 (v128.const i64x2 0 0))
          (local.set $c01 (v128.const i64x2 0 0))
          (local.set $c10 (v128.const i64x2 0 0))
          (local.set $c11 (v128.const i64x2 0 0))
          (local.set $c20 (v128.const i64x2 0 0))
          (local.set $c21 (v128.const i64x2 0 0))
          (local.set $c30 (v128.const i64x2 0 0))
          (local.set $c31 (v128.const i64x2 0 0))
            (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sa0))))
            (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (i32.const 8))))
            (local.set $p (local.get $k))
            (block $inner_done
              (loop $inner
                (br_if $inner_done (i32.eqz (local.get $p)))
                (local.set $b0 (v128.load $m1 (local.get $pb)))
                (local.set $b1 (v128.load $m1 offset=16 (local.get $pb)))
            (local.set $x (f64x2.splat (f64.load $m0 (local.get $pa))))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (f64x2.splat (f64.load $m0 (i32.add (local.get $pa) (local.get $sa0x1)))))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (f64x2.splat (f64.load $m0 (i32.add (local.get $pa) (local.get $sa0x2)))))
            (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (f64x2.splat (f64.load $m0 (i32.add (local.get $pa) (local.get $sa0x3)))))
            (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $pa (i32.add (local.get $pa) (local.get $sa1)))
                (local.set $pb (i32.add (local.get $pb) (local.get $sb0)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $inner)))
            (local.set $pc (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $sc0)) (i32.mul (local.get $j) (i32.const 8)))))
          (v128.store $m2 (local.get $pc) (local.get $c00))
          (v128.store $m2 offset=16 (local.get $pc) (local.get $c01))
          (v128.store $m2 (i32.add (local.get $pc) (local.get $sc0x1)) (local.get $c10))
          (v128.store $m2 offset=16 (i32.add (local.get $pc) (local.get $sc0x1)) (local.get $c11))
          (v128.store $m2 (i32.add (local.get $pc) (local.get $sc0x2)) (local.get $c20))
          (v128.store $m2 offset=16 (i32.add (local.get $pc) (local.get $sc0x2)) (local.get $c21))
          (v128.store $m2 (i32.add (local.get $pc) (local.get $sc0x3)) (local.get $c30))
          (v128.store $m2 offset=16 (i32.add (local.get $pc) (local.get $sc0x3)) (local.get $c31))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $cols)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; Columns past the last whole block, for the blocked rows; then every column of the rows past them.
    (local.set $i (i32.const 0))
    (block $rest_done
      (loop $rest
        (br_if $rest_done (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $j (select (local.get $nv) (i32.const 0) (i32.lt_u (local.get $i) (local.get $mv))))
        (block $row_done
          (loop $row_next
            (br_if $row_done (i32.ge_u (local.get $j) (local.get $n)))
            (f64.store $m2
              (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $sc0)) (i32.mul (local.get $j) (i32.const 8))))
              (call $dot_f64_strided (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sa0))) (local.get $sa1) (i32.add (local.get $b) (i32.mul (local.get $j) (i32.const 8))) (local.get $sb0) (local.get $k)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $row_next)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest))))

  ;; Sum over $k of A(p) * B(p), A stepping $sa bytes and B $sb bytes: one element of a product
  ;; whose rows or columns do not fill a vector block.
  (func $dot_f32_strided (param $pa i32) (param $sa i32) (param $pb i32) (param $sb i32) (param $k i32) (result f64)
    (local $s f64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $k)))
        (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.mul (f32.load $m0 (local.get $pa)) (f32.load $m1 (local.get $pb))))))
        (local.set $pa (i32.add (local.get $pa) (local.get $sa)))
        (local.set $pb (i32.add (local.get $pb) (local.get $sb)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; C = A·B for A m×k (byte strides $sa0, $sa1), B k×n with contiguous rows ($sb0 between rows)
  ;; and C m×n with contiguous rows ($sc0). Blocks of 4 rows × 8 columns keep eight f32x4
  ;; accumulators in registers: each row of B loaded is used for four rows of C, each element of A
  ;; for 8 columns. Rows and columns left over are done one element at a time.
  (func (export "gemm_f32") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (param $sa0 i32) (param $sa1 i32) (param $sb0 i32) (param $sc0 i32)
    (local $i i32) (local $j i32) (local $p i32) (local $mv i32) (local $nv i32)
    (local $pa i32) (local $pb i32) (local $pc i32)
    (local $sa0x1 i32) (local $sa0x2 i32) (local $sa0x3 i32) (local $sc0x1 i32) (local $sc0x2 i32) (local $sc0x3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $sa0x1 (local.get $sa0))
    (local.set $sa0x2 (i32.shl (local.get $sa0) (i32.const 1)))
    (local.set $sa0x3 (i32.add (local.get $sa0x2) (local.get $sa0)))
    (local.set $sc0x1 (local.get $sc0))
    (local.set $sc0x2 (i32.shl (local.get $sc0) (i32.const 1)))
    (local.set $sc0x3 (i32.add (local.get $sc0x2) (local.get $sc0)))
    (local.set $mv (i32.and (local.get $m) (i32.const -4)))
    (local.set $nv (i32.and (local.get $n) (i32.const -8)))
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $mv)))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $j) (local.get $nv)))
          (local.set $c00 (v128.const i64x2 0 0))
          (local.set $c01 (v128.const i64x2 0 0))
          (local.set $c10 (v128.const i64x2 0 0))
          (local.set $c11 (v128.const i64x2 0 0))
          (local.set $c20 (v128.const i64x2 0 0))
          (local.set $c21 (v128.const i64x2 0 0))
          (local.set $c30 (v128.const i64x2 0 0))
          (local.set $c31 (v128.const i64x2 0 0))
            (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sa0))))
            (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (i32.const 4))))
            (local.set $p (local.get $k))
            (block $inner_done
              (loop $inner
                (br_if $inner_done (i32.eqz (local.get $p)))
                (local.set $b0 (v128.load $m1 (local.get $pb)))
                (local.set $b1 (v128.load $m1 offset=16 (local.get $pb)))
            (local.set $x (f32x4.splat (f32.load $m0 (local.get $pa))))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
            (local.set $x (f32x4.splat (f32.load $m0 (i32.add (local.get $pa) (local.get $sa0x1)))))
            (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
            (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
            (local.set $x (f32x4.splat (f32.load $m0 (i32.add (local.get $pa) (local.get $sa0x2)))))
            (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
            (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
            (local.set $x (f32x4.splat (f32.load $m0 (i32.add (local.get $pa) (local.get $sa0x3)))))
            (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
            (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $pa (i32.add (local.get $pa) (local.get $sa1)))
                (local.set $pb (i32.add (local.get $pb) (local.get $sb0)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $inner)))
            (local.set $pc (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $sc0)) (i32.mul (local.get $j) (i32.const 4)))))
          (v128.store $m2 (local.get $pc) (local.get $c00))
          (v128.store $m2 offset=16 (local.get $pc) (local.get $c01))
          (v128.store $m2 (i32.add (local.get $pc) (local.get $sc0x1)) (local.get $c10))
          (v128.store $m2 offset=16 (i32.add (local.get $pc) (local.get $sc0x1)) (local.get $c11))
          (v128.store $m2 (i32.add (local.get $pc) (local.get $sc0x2)) (local.get $c20))
          (v128.store $m2 offset=16 (i32.add (local.get $pc) (local.get $sc0x2)) (local.get $c21))
          (v128.store $m2 (i32.add (local.get $pc) (local.get $sc0x3)) (local.get $c30))
          (v128.store $m2 offset=16 (i32.add (local.get $pc) (local.get $sc0x3)) (local.get $c31))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $cols)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; Columns past the last whole block, for the blocked rows; then every column of the rows past them.
    (local.set $i (i32.const 0))
    (block $rest_done
      (loop $rest
        (br_if $rest_done (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $j (select (local.get $nv) (i32.const 0) (i32.lt_u (local.get $i) (local.get $mv))))
        (block $row_done
          (loop $row_next
            (br_if $row_done (i32.ge_u (local.get $j) (local.get $n)))
            (f32.store $m2
              (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $sc0)) (i32.mul (local.get $j) (i32.const 4))))
              (f32.demote_f64 (call $dot_f32_strided (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sa0))) (local.get $sa1) (i32.add (local.get $b) (i32.mul (local.get $j) (i32.const 4))) (local.get $sb0) (local.get $k))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $row_next)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest))))
)
