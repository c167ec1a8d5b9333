// Generates Go 1.19 key-hash vectors for map key types that Go does not hash as one
// plain-memory block: floats, complex numbers, arrays and structs holding them, and structs
// with padding or blank (_) fields. Each line is one key: its Go type, its memory image (padding
// and blank fields filled with random bytes, which the hash must skip), a seed, and the hash the
// compiler-generated (or runtime) key hasher of map[K]struct{} returns, with fixed key material
// and the AES path switched on and off as the shared hash generator does.
//
// Run (from this directory): go run . > ../../resources/vectors/keyhash/$(go env GOARCH).jsonl
// and for 386: GOARCH=386 go run . > ../../resources/vectors/keyhash/386.jsonl
package main

import (
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"runtime"
	"unsafe"
)

//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

//go:linkname aeskeysched runtime.aeskeysched
var aeskeysched [unsafe.Sizeof(uintptr(0)) / 4 * 64]byte

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool

type rtype struct {
	size, ptrdata                  uintptr
	hash                           uint32
	tflag, align, fieldAlign, kind uint8
	equal                          func(unsafe.Pointer, unsafe.Pointer) bool
	gcdata                         *byte
	str, ptrToThis                 int32
}

type maptype struct {
	typ               rtype
	key, elem, bucket *rtype
	hasher            func(unsafe.Pointer, uintptr) uintptr
	keysize, elemsize uint8
	bucketsize        uint16
	flags             uint32
}

var (
	r        *rand.Rand
	n        int
	alg      string
	ks       string
	hk       string
	bits     = unsafe.Sizeof(uintptr(0)) * 8
	specials = []float64{0, math.Copysign(0, -1), 1, -1.5, math.Inf(1), math.Inf(-1), 5e-324, 1e300, 3.25}
)

// setFloats walks v and gives every settable float a value: often a special one (±0, ±Inf, ...),
// otherwise random. Other fields keep the random bytes they were filled with.
func setFloats(v reflect.Value) {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if !v.CanSet() {
			return
		}
		if r.Intn(2) == 0 {
			v.SetFloat(specials[r.Intn(len(specials))])
		} else {
			v.SetFloat(r.NormFloat64() * 1e3)
		}
	case reflect.Complex64, reflect.Complex128:
		if !v.CanSet() {
			return
		}
		re, im := specials[r.Intn(len(specials))], r.NormFloat64()
		if r.Intn(2) == 0 {
			re, im = im, re
		}
		v.SetComplex(complex(re, im))
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			setFloats(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			setFloats(v.Field(i))
		}
	}
}

func add[K comparable](name string) {
	var m interface{} = map[K]struct{}(nil)
	mt := (*maptype)((*[2]unsafe.Pointer)(unsafe.Pointer(&m))[0])
	for i := 0; i < n; i++ {
		var k K
		size := unsafe.Sizeof(k)
		mem := unsafe.Slice((*byte)(unsafe.Pointer(&k)), size)
		for {
			r.Read(mem)
			setFloats(reflect.ValueOf(&k).Elem())
			if k == k { // no NaN
				break
			}
		}
		seed := uintptr(r.Uint64())
		h := mt.hasher(unsafe.Pointer(&k), seed)
		fmt.Printf("{\"goarch\":\"%s\",\"bits\":%d,\"alg\":\"%s\",\"keysched\":\"%s\",\"hashkey\":\"%s\",\"type\":\"%s\",\"key\":\"%s\",\"seed\":\"%x\",\"hash\":\"%x\"}\n",
			runtime.GOARCH, bits, alg, ks, hk, name, hex.EncodeToString(mem), uint64(seed), uint64(h))
	}
}

func main() {
	seedFlag := flag.Int64("rng", 1, "rng seed for key material and inputs")
	flag.IntVar(&n, "n", 6, "keys per type and path")
	flag.Parse()
	r = rand.New(rand.NewSource(*seedFlag))
	for i := range hashkey {
		hashkey[i] = uintptr(r.Uint64()) | 1
	}
	for i := range aeskeysched {
		aeskeysched[i] = byte(r.Intn(256))
	}
	ks = hex.EncodeToString(aeskeysched[:])
	for i, k := range hashkey {
		if i > 0 {
			hk += ","
		}
		hk += fmt.Sprintf("%x", uint64(k))
	}
	for _, aes := range []bool{false, true} {
		if aes && !(runtime.GOARCH == "amd64" || runtime.GOARCH == "386" || runtime.GOARCH == "arm64") {
			continue
		}
		useAeshash = aes
		alg = "memhash"
		if aes {
			alg = "aeshash"
		}
		all()
	}
}

func all() {
	// floats and complex numbers: f32hash, f64hash, c64hash, c128hash
	add[float32]("float32")
	add[float64]("float64")
	add[complex64]("complex64")
	add[complex128]("complex128")
	// arrays: one element is the element's alg; more loop the element's hash
	add[[1]float64]("[1]float64")
	add[[0]float64]("[0]float64")
	add[[2]float32]("[2]float32")
	add[[3]float64]("[3]float64")
	add[[2]complex64]("[2]complex64")
	add[[2]complex128]("[2]complex128")
	// one-field structs are their field
	add[struct{ A float32 }]("struct { A float32 }")
	add[struct{ A complex128 }]("struct { A complex128 }")
	add[struct{ A [1]struct{ B float64 } }]("struct { A [1]struct { B float64 } }")
	// memory runs before, between and after floats
	add[struct {
		A int32
		F float32
	}]("struct { A int32; F float32 }")
	add[struct {
		A int64
		F float64
	}]("struct { A int64; F float64 }")
	add[struct {
		F float64
		A int32
	}]("struct { F float64; A int32 }")
	add[struct {
		A int16
		F float32
		C int16
	}]("struct { A int16; F float32; C int16 }")
	add[struct {
		A, B int32
		F    float32
		C, D uint8
		E    uint16
		G    complex64
	}]("struct { A int32; B int32; F float32; C uint8; D uint8; E uint16; G complex64 }")
	add[struct {
		A bool
		C complex64
	}]("struct { A bool; C complex64 }")
	add[struct {
		A [2]float32
		B [3]byte
	}]("struct { A [2]float32; B [3]byte }")
	// padding: runs end at a padded field, and trailing padding is not hashed
	add[struct {
		A int8
		B int64
	}]("struct { A int8; B int64 }")
	add[struct {
		A, B int32
		C    int8
	}]("struct { A int32; B int32; C int8 }")
	add[struct {
		A bool
		B uint16
	}]("struct { A bool; B uint16 }")
	add[struct {
		A int64
		B int8
		C int16
		D int32
	}]("struct { A int64; B int8; C int16; D int32 }")
	add[struct {
		A int64
		B [0]byte
	}]("struct { A int64; B [0]byte }")
	add[struct {
		A uint8
		B [0]int64
		C uint8
	}]("struct { A uint8; B [0]int64; C uint8 }")
	add[struct {
		A int8
		B struct {
			C int8
			D int32
		}
		E int8
	}]("struct { A int8; B struct { C int8; D int32 }; E int8 }")
	add[struct {
		A int8
		B struct{ C, D int16 }
		E int16
	}]("struct { A int8; B struct { C int16; D int16 }; E int16 }")
	// blank fields are skipped
	add[struct {
		A int32
		_ int32
		B int64
	}]("struct { A int32; _ int32; B int64 }")
	add[struct{ _ int64 }]("struct { _ int64 }")
	add[struct {
		_ int32
		A int32
	}]("struct { _ int32; A int32 }")
	add[struct {
		A int16
		_ [2]byte
		B int16
		_ float32
		C float64
	}]("struct { A int16; _ [2]byte; B int16; _ float32; C float64 }")
	// arrays of padded or mixed structs loop the element's hash
	add[[2]struct {
		A int8
		B int64
	}]("[2]struct { A int8; B int64 }")
	add[[3]struct {
		F float32
		B int8
	}]("[3]struct { F float32; B int8 }")
	add[struct {
		A [2]struct {
			B int8
			C int16
		}
		D int8
	}]("struct { A [2]struct { B int8; C int16 }; D int8 }")
	add[[1]struct {
		A int8
		B int32
	}]("[1]struct { A int8; B int32 }")
	// big mixed keys (memhash over runs longer than 16 bytes)
	add[struct {
		A [40]byte
		F float64
		B [70]byte
		C int8
	}]("struct { A [40]byte; F float64; B [70]byte; C int8 }")
	add[struct {
		A [3]int64
		B int8
		C [5]uint64
	}]("struct { A [3]int64; B int8; C [5]uint64 }")
}
