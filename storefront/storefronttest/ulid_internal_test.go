package storefronttest

import (
	"testing"
	"time"
)

func TestULID(t *testing.T) {
	// The ULID specification's example: 1469918176385 ms is "01ARYZ6S41".
	at := time.UnixMilli(1469918176385)
	id := newULID(at)
	if len(id) != 26 || id[:10] != "01ARYZ6S41" {
		t.Fatalf("newULID = %q, want the prefix 01ARYZ6S41", id)
	}
	got, ok := ulidTime(id)
	if !ok || !got.Equal(at) {
		t.Fatalf("ulidTime = %v, %v; want %v", got, ok, at)
	}
	if newULID(at) == id {
		t.Fatal("two ULIDs of the same millisecond are equal")
	}
	for _, bad := range []string{"", "01ARYZ6S41", "01ARYZ6S41UUUUUUUUUUUUUUUU", "ZZZZZZZZZZ0000000000000000"} {
		if _, ok := ulidTime(bad); ok {
			t.Errorf("ulidTime(%q) is ok", bad)
		}
	}
}
