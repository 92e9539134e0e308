package storefront

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"sync"
)

// Upload is a file sent in a multipart form: a review's photo, a document,
// a return's attachment. Its Body is streamed as the request goes out,
// never read into memory as a whole, and refused past MaxUploadBytes.
//
// A request is sent again after a failure only if every body it streams
// can be read again from its start: a Body that is an io.Seeker (an
// *os.File, a *bytes.Reader, a *strings.Reader) is rewound for the next
// attempt; any other reader is read once, and a failed attempt is not
// retried.
type Upload struct {
	Body        io.Reader // required
	Filename    string    // the name the API records; "file" when empty
	ContentType string    // e.g. "image/jpeg"; sniffed from the first 512 bytes when empty
}

// MaxUploadBytes bounds each file of a multipart form. The API documents
// no limit; the SDK refuses a larger file with ErrInvalidParam rather than
// stream it to a certain refusal.
const MaxUploadBytes = 10 << 20

// errNotReplayable stops the retries of a request whose streamed body
// cannot be read again.
var errNotReplayable = errors.New("the upload cannot be read again for another attempt")

// multipartForm is a multipart/form-data body streamed from its files:
// text fields first, then each file under its field name.
type multipartForm struct {
	fields   []formValue
	files    []formFile
	boundary string
	secrets  []string // field values that must never reach an error: personal data

	mu       sync.Mutex
	attempts int            // bodies opened so far
	prev     *io.PipeReader // the body of the last attempt
	done     chan struct{}  // closed when the last attempt's writer has returned
	err      error          // what ended the last attempt's writer, if not the end of the form
}

type formValue struct{ name, value string }

type formFile struct {
	field string
	up    Upload
	start int64 // where a seekable body started, to rewind to
}

// newMultipartForm returns an empty form.
func newMultipartForm() *multipartForm {
	return &multipartForm{boundary: multipart.NewWriter(io.Discard).Boundary()}
}

func (f *multipartForm) addField(name, value string) {
	f.fields = append(f.fields, formValue{name, value})
}

// addPersonalField adds a field whose value is personal data (a document
// number): the request's errors leave it out, as its secrets.
func (f *multipartForm) addPersonalField(name, value string) {
	f.addField(name, value)
	f.secrets = append(f.secrets, value)
}

func (f *multipartForm) addFile(field string, up Upload) error {
	if up.Body == nil {
		return invalid("%s: the upload has no Body", field)
	}
	ff := formFile{field: field, up: up}
	if s, ok := up.Body.(io.Seeker); ok {
		pos, err := s.Seek(0, io.SeekCurrent)
		if err != nil {
			return errorf("%s: %w", field, err)
		}
		ff.start = pos
	}
	f.files = append(f.files, ff)
	return nil
}

func (f *multipartForm) contentType() string {
	return "multipart/form-data; boundary=" + f.boundary
}

// replayable reports whether every body can be read again.
func (f *multipartForm) replayable() bool {
	for _, ff := range f.files {
		if _, ok := ff.up.Body.(io.Seeker); !ok {
			return false
		}
	}
	return true
}

// open returns the body of one attempt: a pipe fed by a goroutine that
// writes the form as the transport reads it. A second attempt rewinds
// seekable bodies, and fails with errNotReplayable for others.
func (f *multipartForm) open() (io.ReadCloser, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.attempts++
	if f.prev != nil {
		// The transport may still be closing the last attempt's body: stop
		// its writer and wait for it before touching the files again.
		f.prev.CloseWithError(errNotReplayable)
		<-f.done
	}
	if f.attempts > 1 {
		if !f.replayable() {
			return nil, errNotReplayable
		}
		for _, ff := range f.files {
			if _, err := ff.up.Body.(io.Seeker).Seek(ff.start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("rewind %s: %w", ff.field, err)
			}
		}
	}
	pr, pw := io.Pipe()
	done := make(chan struct{})
	f.prev, f.done, f.err = pr, done, nil
	go func() {
		defer close(done)
		err := f.write(pw)
		pw.CloseWithError(err)
		if err != nil {
			f.mu.Lock()
			if f.done == done {
				f.err = err
			}
			f.mu.Unlock()
		}
	}()
	return pr, nil
}

// failure returns why the last attempt's body ended early (a file too
// large, a read error), once its writer has returned; nil otherwise.
func (f *multipartForm) failure() error {
	f.mu.Lock()
	done := f.done
	f.mu.Unlock()
	if done == nil {
		return nil
	}
	<-done
	f.mu.Lock()
	defer f.mu.Unlock()
	if errors.Is(f.err, io.ErrClosedPipe) || errors.Is(f.err, errNotReplayable) {
		return nil // the transport stopped reading: its own error says why
	}
	return f.err
}

// write writes the whole form to w. A file past MaxUploadBytes ends it
// with an error, which the transport sees as a failed body.
func (f *multipartForm) write(w io.Writer) error {
	mw := multipart.NewWriter(w)
	if err := mw.SetBoundary(f.boundary); err != nil {
		return err
	}
	for _, fl := range f.fields {
		if err := mw.WriteField(fl.name, fl.value); err != nil {
			return err
		}
	}
	for _, ff := range f.files {
		br := bufio.NewReaderSize(ff.up.Body, 512)
		ct := ff.up.ContentType
		if ct == "" {
			head, _ := br.Peek(512)
			ct = http.DetectContentType(head)
		}
		name := ff.up.Filename
		if name == "" {
			name = "file"
		}
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, ff.field, strings.Map(safeFilenameRune, name)))
		h.Set("Content-Type", ct)
		part, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		n, err := io.Copy(part, io.LimitReader(br, MaxUploadBytes+1))
		if err != nil {
			return fmt.Errorf("read %s: %w", ff.field, err)
		}
		if n > MaxUploadBytes {
			return &uploadTooLargeError{field: ff.field}
		}
	}
	return mw.Close()
}

// uploadTooLargeError is a file past MaxUploadBytes.
type uploadTooLargeError struct{ field string }

func (e *uploadTooLargeError) Error() string {
	return fmt.Sprintf("%s: the file is larger than %d bytes", e.field, MaxUploadBytes)
}

func (e *uploadTooLargeError) Is(target error) bool { return target == ErrInvalidParam }
