;; The dot products of kernels.wat with relaxed SIMD's multiply-add (f64x2.relaxed_madd,
;; f32x4.relaxed_madd): the engine may fuse each multiply into its add, as V8 does on the x64
;; processors with FMA3 the tests run on, which saves an instruction and a rounding per element. An engine without relaxed
;; SIMD (Node 20) rejects this module, and the runtime keeps kernels.wat's dot products there.
;; Instantiated over the same memories as kernels.wat, in the same way: x in $m0, y in $m1, and
;; built as two modules, one importing two memories and one importing a single memory for both.
(module
  (import "env" "m0" (memory $m0 0))
  (import "env" "m1" (memory $m1 0))

  ;; Dot product of $n f64 elements of $x and $y: four f64x2 multiply-add accumulators over
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
        (local.set $a (f64x2.relaxed_madd (v128.load $m0 (local.get $x)) (v128.load $m1 (local.get $y)) (local.get $a)))
        (local.set $b (f64x2.relaxed_madd (v128.load $m0 offset=16 (local.get $x)) (v128.load $m1 offset=16 (local.get $y)) (local.get $b)))
        (local.set $c (f64x2.relaxed_madd (v128.load $m0 offset=32 (local.get $x)) (v128.load $m1 offset=32 (local.get $y)) (local.get $c)))
        (local.set $d (f64x2.relaxed_madd (v128.load $m0 offset=48 (local.get $x)) (v128.load $m1 offset=48 (local.get $y)) (local.get $d)))
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

  ;; Dot product of $n f32 elements of $x and $y, accumulated in f32x4 lanes over leaves of 1024
  ;; elements and in f64 across leaves, as in kernels.wat.
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
        (local.set $a (f32x4.relaxed_madd (v128.load $m0 (local.get $x)) (v128.load $m1 (local.get $y)) (local.get $a)))
        (local.set $b (f32x4.relaxed_madd (v128.load $m0 offset=16 (local.get $x)) (v128.load $m1 offset=16 (local.get $y)) (local.get $b)))
        (local.set $c (f32x4.relaxed_madd (v128.load $m0 offset=32 (local.get $x)) (v128.load $m1 offset=32 (local.get $y)) (local.get $c)))
        (local.set $d (f32x4.relaxed_madd (v128.load $m0 offset=48 (local.get $x)) (v128.load $m1 offset=48 (local.get $y)) (local.get $d)))
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
    (local.get $s)))
