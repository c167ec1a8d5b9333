// Package typesyntax holds Go types that GoType.parse reads as Go 1.19 does; probe.sh checks that
// go1.19 builds it, and that the snippets it lists are refused.
package typesyntax

import "unsafe"

// The predeclared interface error may be embedded; the field is named error.
type embedsError struct{ error }

type namesError struct{ e error }

var _ = embedsError{}.error

// struct{error} is laid out as struct{e error} (an index out of range fails the build) and is a
// comparable map key.
var _ = [1]int{}[unsafe.Sizeof(embedsError{})-unsafe.Sizeof(namesError{})]
var _ = [1]int{}[unsafe.Alignof(embedsError{})-unsafe.Alignof(namesError{})]
var _ = map[embedsError]int{}

// A comma may follow the last parameter or result: these are the types without it.
var _ func() (int,) = func() int { return 0 }
var _ func() ((int),) = func() int { return 0 }
var _ func(a int,) = func(int) {}
var _ func() (n int, err error,) = func() (int, error) { return 0, nil }
var _ func(
	a int,
	b string,
) (
	n int,
	err error,
) = func(int, string) (int, error) { return 0, nil }

// Go's scanner takes any character inside a string literal or comment, a letter of any script
// (also outside the Basic Multilingual Plane) in a name, and a decimal digit of any script after
// a name's first letter; it refuses U+2003, @, $, U+0663 and U+FEFF elsewhere (probe.sh).
var _ func(s struct{ A int `json:"x @$"` }, 𝑥 int, a٣ int /*  @$ */)
