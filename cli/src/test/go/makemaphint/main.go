// Prints what Go 1.19's make(map[K]V, hint) does with a size hint: the bucket size of the map type
// (maptype.bucketsize, read from the runtime's type descriptor) and the B of the new map (read
// from its hmap). A hint whose buckets would not fit in maxAlloc gives B=0, and so does a negative
// one (uintptr(hint) is huge); a smaller one makes Go allocate 2^B buckets, which near the cut-off
// ends in "fatal error: runtime: out of memory" on a 64-bit GOARCH, and then no B is printed.
//
// Usage:
//
//	makemaphint MAP        prints "bucketsize S maxint M" (M: the largest Go int)
//	makemaphint MAP HINT   prints "bucketsize S", then makes the map and prints "B b"
//
// MAP is one of the map types below, written as Go writes it. probe.sh runs this program.
package main

import (
	"fmt"
	"os"
	"strconv"
	"unsafe"
)

// hmap mirrors the start of Go 1.19's runtime.hmap (runtime/map.go).
type hmap struct {
	count int
	flags uint8
	B     uint8
}

// rtype mirrors Go 1.19's runtime._type (runtime/type.go).
type rtype struct {
	size, ptrdata                  uintptr
	hash                           uint32
	tflag, align, fieldAlign, kind uint8
	equal                          func(unsafe.Pointer, unsafe.Pointer) bool
	gcdata                         *byte
	str, ptrToThis                 int32
}

// maptype mirrors Go 1.19's runtime.maptype (runtime/type.go).
type maptype struct {
	typ               rtype
	key, elem, bucket *rtype
	hasher            func(unsafe.Pointer, uintptr) uintptr
	keysize, elemsize uint8
	bucketsize        uint16
	flags             uint32
}

// sink keeps every map made on the heap, so the compiler cannot make it another way.
var sink interface{}

// maps makes each map type with a hint; their bucket sizes differ, so that their cut-offs pin
// maxAlloc down.
var maps = map[string]func(hint int) interface{}{
	"map[struct{}]struct{}": func(hint int) interface{} { return make(map[struct{}]struct{}, hint) },
	"map[int8]struct{}":     func(hint int) interface{} { return make(map[int8]struct{}, hint) },
	"map[int8]int8":         func(hint int) interface{} { return make(map[int8]int8, hint) },
	"map[int64]int64":       func(hint int) interface{} { return make(map[int64]int64, hint) },
	"map[[115]byte]struct{}": func(hint int) interface{} {
		return make(map[[115]byte]struct{}, hint)
	},
}

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 || maps[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: makemaphint MAP [HINT], MAP one of:")
		for name := range maps {
			fmt.Fprintln(os.Stderr, "  "+name)
		}
		os.Exit(2)
	}
	mk := maps[os.Args[1]]
	nilMap := mk(0)
	t := (*maptype)((*[2]unsafe.Pointer)(unsafe.Pointer(&nilMap))[0])
	if len(os.Args) == 2 {
		fmt.Printf("bucketsize %d maxint %d\n", t.bucketsize, int(^uint(0)>>1))
		return
	}
	hint, err := strconv.Atoi(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "makemaphint: HINT must be a Go int:", err)
		os.Exit(2)
	}
	fmt.Printf("bucketsize %d\n", t.bucketsize)
	sink = mk(hint)
	h := (*hmap)((*[2]unsafe.Pointer)(unsafe.Pointer(&sink))[1])
	fmt.Printf("B %d\n", h.B)
}
