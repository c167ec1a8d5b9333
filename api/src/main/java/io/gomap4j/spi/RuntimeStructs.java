package io.gomap4j.spi;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.StructLayout.Member;
import java.util.List;

/** Go 1.19's runtime map structs ({@code runtime/map.go}), as field lists to lay out. */
final class RuntimeStructs {

  private static final GoType PTR = GoType.UNSAFE_POINTER;

  /** {@code hmap}, the map header. */
  static final List<Member> HMAP = List.of(
      Member.of("count", GoType.INT),
      Member.of("flags", GoType.UINT8),
      Member.of("B", GoType.UINT8),
      Member.of("noverflow", GoType.UINT16),
      Member.of("hash0", GoType.UINT32),
      Member.of("buckets", PTR),
      Member.of("oldbuckets", PTR),
      Member.of("nevacuate", GoType.UINTPTR),
      new Member("extra", "*mapextra", PTR));

  /** {@code mapextra}, the header's optional fields. */
  static final List<Member> MAPEXTRA = List.of(
      new Member("overflow", "*[]*bmap", PTR),
      new Member("oldoverflow", "*[]*bmap", PTR),
      new Member("nextOverflow", "*bmap", PTR));

  /** {@code hiter}, the iterator ({@code reflect} and the compiler keep copies of it). */
  static final List<Member> HITER = List.of(
      Member.of("key", PTR),
      Member.of("elem", PTR),
      new Member("t", "*maptype", PTR),
      new Member("h", "*hmap", PTR),
      Member.of("buckets", PTR),
      new Member("bptr", "*bmap", PTR),
      new Member("overflow", "*[]*bmap", PTR),
      new Member("oldoverflow", "*[]*bmap", PTR),
      Member.of("startBucket", GoType.UINTPTR),
      Member.of("offset", GoType.UINT8),
      Member.of("wrapped", GoType.BOOL),
      Member.of("B", GoType.UINT8),
      Member.of("i", GoType.UINT8),
      Member.of("bucket", GoType.UINTPTR),
      Member.of("checkBucket", GoType.UINTPTR));

  private RuntimeStructs() {}
}
