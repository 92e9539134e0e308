package storefront

import (
	"bytes"
	"crypto/sha256"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uploadServer reads each multipart request as a stream and records, per
// attempt, the SHA-256 and size of every file; it answers statuses in turn.
type uploadServer struct {
	srv      *httptest.Server
	mu       sync.Mutex
	attempts [][]fileSum
	statuses []int
}

type fileSum struct {
	field, name string
	size        int64
	sum         [32]byte
}

func newUploadServer(t *testing.T, statuses ...int) *uploadServer {
	u := &uploadServer{statuses: statuses}
	u.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var files []fileSum
		_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			h := sha256.New()
			n, _ := io.Copy(h, p)
			if p.FileName() != "" {
				var fs fileSum
				fs.field, fs.name, fs.size = p.FormName(), p.FileName(), n
				copy(fs.sum[:], h.Sum(nil))
				files = append(files, fs)
			}
		}
		u.mu.Lock()
		u.attempts = append(u.attempts, files)
		status := 200
		if n := len(u.attempts); n <= len(u.statuses) {
			status = u.statuses[n-1]
		}
		u.mu.Unlock()
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, status, map[string]any{"message": "slow down", "success": false, "code": "too_many_requests"})
			return
		}
		writeJSON(w, status, map[string]any{"message": "Review submitted", "success": true})
	}))
	t.Cleanup(u.srv.Close)
	return u
}

// seen returns the attempts recorded so far.
func (u *uploadServer) seen() [][]fileSum {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([][]fileSum(nil), u.attempts...)
}

func (u *uploadServer) client(t *testing.T) *Session {
	c, err := New("s", WithBaseURL(u.srv.URL), WithRetryPolicy(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond}))
	require.NoError(t, err)
	return c.NewManualSession(Tokens{AccessToken: makeJWT(anonClaims("u-1"))})
}

func review(images ...Upload) Review {
	return Review{UserID: "u-1", OrderNumber: "ORD-1", Rating: decimal.NewFromInt(4), Images: images}
}

// patterned is a reader of n bytes made on the fly, never held in memory.
type patterned struct{ n, off int64 }

func (p *patterned) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	k := min(int64(len(b)), p.n-p.off)
	for i := range k {
		b[i] = byte((p.off + i) % 251)
	}
	p.off += k
	return int(k), nil
}

// TestUploadStreamsWithoutBuffering sends an 8 MiB photo and measures the
// memory the client allocates meanwhile: a fraction of the file, so the
// file is streamed, not read into memory.
func TestUploadStreamsWithoutBuffering(t *testing.T) {
	u := newUploadServer(t)
	sess := u.client(t)
	const size = 8 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := sess.Catalog.CreateProductReview(bg, "p-1", review(Upload{Body: &patterned{n: size}, Filename: "big.jpg", ContentType: "image/jpeg"}))
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Len(t, u.seen(), 1)
	assert.EqualValues(t, size, u.seen()[0][0].size)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d KiB while uploading %d KiB (the server's reading included)", allocated>>10, size>>10)
	assert.Less(t, allocated, uint64(size/2), "the upload was buffered")
}

func TestUploadTooLargeIsRefused(t *testing.T) {
	u := newUploadServer(t)
	sess := u.client(t)
	err := sess.Catalog.CreateProductReview(bg, "p-1", review(Upload{Body: &patterned{n: MaxUploadBytes + 1}}))
	require.ErrorIs(t, err, ErrInvalidParam)
	assert.Contains(t, err.Error(), "images: the file is larger than")
	assert.LessOrEqual(t, len(u.seen()), 1, "never sent again")
}

// TestUploadRetriesOnlyWhatCanBeReadAgain: after a 429, a seekable file is
// rewound and sent whole again; a one-shot reader is not resent.
func TestUploadRetriesOnlyWhatCanBeReadAgain(t *testing.T) {
	data := bytes.Repeat([]byte("photo "), 50_000)
	want := sha256.Sum256(data)

	u := newUploadServer(t, http.StatusTooManyRequests)
	err := u.client(t).Catalog.CreateProductReview(bg, "p-1", review(Upload{Body: bytes.NewReader(data), Filename: "a.jpg"}))
	require.NoError(t, err)
	require.Len(t, u.seen(), 2)
	for _, a := range u.seen() {
		require.Len(t, a, 1)
		assert.Equal(t, want, a[0].sum, "every attempt sends the whole file")
	}

	u = newUploadServer(t, http.StatusTooManyRequests)
	err = u.client(t).Catalog.CreateProductReview(bg, "p-1", review(Upload{Body: io.MultiReader(bytes.NewReader(data)), Filename: "a.jpg"}))
	require.ErrorIs(t, err, ErrRateLimited)
	assert.Len(t, u.seen(), 1, "a reader that cannot be rewound is sent once")
}

func TestReviewIsChecked(t *testing.T) {
	u := newUploadServer(t)
	sess := u.client(t)
	for name, r := range map[string]Review{
		"no order":     {UserID: "u", Rating: decimal.NewFromInt(4)},
		"rating 0":     {UserID: "u", OrderNumber: "o"},
		"rating 5.5":   {UserID: "u", OrderNumber: "o", Rating: decimal.MustParse("5.5")},
		"rating 4.25":  {UserID: "u", OrderNumber: "o", Rating: decimal.MustParse("4.25")},
		"nil body":     {UserID: "u", OrderNumber: "o", Rating: decimal.NewFromInt(3), Images: []Upload{{}}},
		"empty review": {},
	} {
		err := sess.Catalog.CreateProductReview(bg, "p-1", r)
		assert.ErrorIs(t, err, ErrInvalidParam, name)
	}
	assert.Empty(t, u.seen(), "nothing sent")
}
