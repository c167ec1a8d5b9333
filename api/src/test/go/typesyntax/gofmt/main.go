// Command gofmt prints, for each type in types, the type as written and as gofmt (go/format)
// spells it, both Go-quoted and separated by a tab, one type a line: the vectors
// GoTypeTextVectorsTest compares GoType's spelling of a func's and an interface's text with.
//
//	PATH=/usr/lib/go-1.19/bin:$PATH go run ./gofmt > ../../resources/vectors/typesyntax/gofmt-go1.19.txt
package main

import (
	"fmt"
	"go/format"
	"os"
	"strconv"
	"strings"
)

// Types written with irregular whitespace between their tokens, each a type go1.19 builds
// where the names it uses are declared.
var types = []string{
	"func(a int,b int)",
	"func(a int, b int)",
	"func( a  int ,\tb int )",
	"func(a int,\n\tb int,\n)",
	"func(a, b int)(n int,err error)",
	"func(int,string)(int,error)",
	"func(int)(int,error)",
	"func(a*int,b[]int,c [2]int,d...int)",
	"func(a[2]int)",
	"func(a [ 2 ] int)",
	"func(a [N*2]int)",
	"func(x chan<-int,y <-chan int,z chan (<-chan int))",
	"func(x chan <- int)",
	"func(m map[string]*int,f func(int)error)",
	"func(f func(a int,b int)(int,error))",
	"func(r io.Reader,w io.Writer)(n int64,err error)",
	"func(l List[int],m Map[string,int])",
	"func(s struct{})",
	"func(s struct{a int})",
	"func(s struct{a int \"tag  a, b\"})",
	"func(i interface{})",
	"func(i interface{M(a int,b int)(int,error)})",
	"func(p *[]*map[int]chan<- int)",
	"func(v ...[]int)",
	"func(u unsafe.Pointer,b byte)(r rune)",
	"interface{M(a int,b int)}",
	"interface{ M(a int, b int) }",
	"interface{M(a int,b int);N()}",
	"interface{\n\tM(a int,b int)\n\tN() (int,error)\n}",
	"interface{M(s struct{a int;b int})}",
	"interface{M(s struct{\n\ta int\n\tb int\n})}",
	"interface{ ~int|~string }",
	"interface{io.Reader;M()}",
}

func main() {
	for _, t := range types {
		out, err := format.Source([]byte("package p\n\ntype T " + t + "\n"))
		if err != nil {
			fmt.Fprintf(os.Stderr, "%q: %v\n", t, err)
			os.Exit(1)
		}
		spelled := strings.TrimPrefix(strings.TrimSpace(string(out)), "package p\n\ntype T ")
		fmt.Printf("%s\t%s\n", strconv.Quote(t), strconv.Quote(spelled))
	}
}
