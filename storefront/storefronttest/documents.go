package storefronttest

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// A customer's KYC documents are of the document types the store's
// configuration lists (get-config, list-kyc-document): GST certificate,
// PAN, other. KYC must be enabled, the type active, and a scan attached
// where the type requires one (a PDF or an image of at most
// MaxDocumentBytes, multipart field file). A customer has at most one
// document of each type (400 already_exists): update-document replaces it,
// with a modified_reason.
//
// Numbers are checked by format: a GSTIN or a PAN for those types (400
// naming document_number), anything up to 50 characters otherwise. A
// type verified automatically is checked at once against the tax
// authority (documents_numbers.go: a known PAN holder kind, a state's GST
// code, the GSTIN's check character): approved and verified, or rejected.
// A type verified manually is submitted until the store reviews it
// (ReviewDocument). verify-document checks a GSTIN or PAN before it is
// saved: 200 when the authority knows it, 400 verification_failed when it
// does not, 400 when it is malformed, 404 for an unknown document type.
// An approved document cannot be deleted (400 document_locked): it is
// replaced. Numbers are personal data: the fake never logs them, and its
// error messages never repeat them.

// MaxDocumentBytes is the largest scan create-document and update-document
// accept.
const MaxDocumentBytes = 10 << 20

// Document statuses and verification types.
const (
	docSubmitted = "submitted"
	docApproved  = "approved"
	docRejected  = "rejected"
)

// documentFileBase is where the fake says scans are; nothing serves them.
const documentFileBase = "https://cdn.storefronttest.invalid/documents/"

// kycDocument is one of a customer's KYC documents.
type kycDocument struct {
	id, typeID, kind, title string // kind: gst, pan or other
	number, note            string
	fileURL                 string // "" without a scan
	manual                  bool   // verified by the store rather than automatically
	status                  string
	verifiedAt              time.Time
	createdAt, modifiedAt   time.Time
	modifiedBy, reason      string // modifiedBy: customer or admin; reason: the last update's
}

func (d *kycDocument) view() gen.Document {
	id, title, status := d.id, d.title, gen.DocumentStatus(d.status)
	vt := gen.DocumentVerificationType("automatic")
	if d.manual {
		vt = "manual"
	}
	createdBy, modifiedBy := gen.DocumentCreatedBy("customer"), gen.DocumentModifiedBy(d.modifiedBy)
	out := gen.Document{ID: &id, DocumentNumber: d.number, Title: &title, Status: &status, VerificationType: &vt,
		IsVerified: boolRef(d.status == docApproved), CreatedBy: &createdBy, CreatedAt: timeRef(d.createdAt),
		ModifiedBy: &modifiedBy, ModifiedAt: timeRef(d.modifiedAt), Note: optional(d.note), FileURL: optional(d.fileURL),
		ModifiedReason: optional(d.reason)}
	if !d.verifiedAt.IsZero() {
		out.VerifiedAt = timeRef(d.verifiedAt)
	}
	return out
}

// kycRules is what documents are checked against, read from the shop
// before the account is locked.
type kycRules struct {
	enabled  bool
	types    []gen.KycDocumentConfig
	gstCodes map[string]bool // the GST codes of India's states
}

func (s *Server) kycRules() kycRules {
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	r := kycRules{enabled: sh.config.kycEnabled, types: slices.Clone(sh.config.kycDocuments), gstCodes: map[string]bool{}}
	if in := sh.countries["IN"]; in != nil {
		for _, st := range in.states {
			if st.gst != "" {
				r.gstCodes[st.gst] = true
			}
		}
	}
	return r
}

// documentType finds a KYC document type by ID: 404 when the store has
// none with that ID.
func (r kycRules) documentType(id string) (gen.KycDocumentConfig, *apiError) {
	i := slices.IndexFunc(r.types, func(t gen.KycDocumentConfig) bool { return t.ID == id })
	if i < 0 {
		return gen.KycDocumentConfig{}, notFound("the store has no KYC document type " + id)
	}
	return r.types[i], nil
}

// checkNumber checks a document number by its type's format.
func checkDocumentNumber(kind, number string) *apiError {
	switch kind {
	case "gst":
		return checkGSTIN("document_number", number)
	case "pan":
		return checkPAN("document_number", number)
	}
	if number == "" || len(number) > 50 {
		return fieldError(CodeBadRequest, "document_number", "must be 1 to 50 characters")
	}
	return nil
}

// known reports whether the tax authority knows a well-formed number;
// numbers of other types are taken as they are.
func (r kycRules) known(kind, number string) bool {
	switch kind {
	case "gst":
		return gstinKnown(number, r.gstCodes)
	case "pan":
		return panKnown(number)
	}
	return true
}

// documentForm is a create-document or update-document form.
type documentForm struct {
	number, typeID, note, reason string
	fileName                     string // "" without a scan
	fileExt                      string
}

// readDocumentForm reads the multipart form: document_number,
// kyc_document_id, note, modified_reason and the scan, file.
func readDocumentForm(body *multipart.Reader) (*documentForm, *apiError) {
	if body == nil {
		return nil, badRequest(CodeBadRequest, "the document form is missing")
	}
	f := &documentForm{}
	unreadable := badRequest(CodeBadRequest, "the multipart body cannot be read")
	for {
		part, err := body.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, unreadable
		}
		switch name := part.FormName(); name {
		case "document_number", "kyc_document_id", "note", "modified_reason":
			data, err := io.ReadAll(io.LimitReader(part, 4<<10))
			if err != nil {
				return nil, unreadable
			}
			v := strings.TrimSpace(string(data))
			switch name {
			case "document_number":
				f.number = strings.ToUpper(v)
			case "kyc_document_id":
				f.typeID = v
			case "note":
				f.note = v
			case "modified_reason":
				f.reason = v
			}
		case "file":
			data, err := io.ReadAll(io.LimitReader(part, MaxDocumentBytes+1))
			switch {
			case err != nil:
				return nil, unreadable
			case len(data) == 0:
				return nil, fieldError(CodeBadRequest, "file", "is empty")
			case len(data) > MaxDocumentBytes:
				return nil, fieldError(CodeBadRequest, "file", fmt.Sprintf("is larger than %d bytes", MaxDocumentBytes))
			}
			ct := http.DetectContentType(data)
			switch {
			case strings.HasPrefix(ct, "application/pdf"):
				f.fileExt = "pdf"
			case strings.HasPrefix(ct, "image/"):
				f.fileExt = strings.TrimPrefix(strings.SplitN(ct, ";", 2)[0], "image/")
			default:
				return nil, fieldError(CodeBadRequest, "file", "must be a PDF or an image ("+ct+")")
			}
			f.fileName = path.Base(strings.ReplaceAll(part.FileName(), "\\", "/"))
			if f.fileName == "." || f.fileName == "/" || f.fileName == "" {
				f.fileName = "document." + f.fileExt
			}
		}
	}
	if e := firstError(required("kyc_document_id", f.typeID), required("document_number", f.number)); e != nil {
		return nil, e
	}
	return f, nil
}

// checkForm checks a form against the store's KYC rules and returns the
// document type.
func (r kycRules) checkForm(f *documentForm) (gen.KycDocumentConfig, *apiError) {
	if !r.enabled {
		return gen.KycDocumentConfig{}, badRequest(CodeBadRequest, "the store does not take KYC documents")
	}
	t, e := r.documentType(f.typeID)
	if e != nil {
		return t, e
	}
	if !t.Active {
		return t, fieldError(CodeBadRequest, "kyc_document_id", "the store no longer takes this document type")
	}
	return t, checkDocumentNumber(string(t.DocumentType), f.number)
}

// apply sets a document's number, note and scan from a form and verifies
// it as its type says.
func (r kycRules) apply(d *kycDocument, f *documentForm, now time.Time) {
	d.number, d.note = f.number, f.note
	if f.fileName != "" {
		d.fileURL = documentFileBase + d.id + "/" + f.fileName
	}
	d.verifiedAt = time.Time{}
	switch {
	case d.manual:
		d.status = docSubmitted
	case r.known(d.kind, d.number):
		d.status, d.verifiedAt = docApproved, now
	default:
		d.status = docRejected
	}
}

// createDocument adds a KYC document of the customer's.
func (s *Server) createDocument(userID string, body *multipart.Reader) (gen.Document, *apiError) {
	f, e := readDocumentForm(body)
	if e != nil {
		return gen.Document{}, e
	}
	rules := s.kycRules()
	t, e := rules.checkForm(f)
	if e != nil {
		return gen.Document{}, e
	}
	if t.IsAttachmentRequired && f.fileName == "" {
		return gen.Document{}, fieldError(CodeBadRequest, "file", "this document type needs a scan")
	}
	var out gen.Document
	e = s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		if slices.ContainsFunc(acc.documents, func(d *kycDocument) bool { return d.typeID == t.ID }) {
			return fieldError(CodeAlreadyExists, "kyc_document_id", "you have a document of this type already: update it")
		}
		d := &kycDocument{id: newULID(now), typeID: t.ID, kind: string(t.DocumentType), title: t.Title,
			manual: t.VerificationType == "manual", createdAt: now, modifiedAt: now, modifiedBy: "customer"}
		rules.apply(d, f, now)
		acc.documents = append(acc.documents, d)
		out = d.view()
		return nil
	})
	return out, e
}

// updateDocument replaces one of the customer's documents: a new number,
// note and, when given, scan, verified again.
func (s *Server) updateDocument(userID, id string, body *multipart.Reader) (gen.Document, *apiError) {
	f, e := readDocumentForm(body)
	if e != nil {
		return gen.Document{}, e
	}
	if e := required("modified_reason", f.reason); e != nil {
		return gen.Document{}, e
	}
	rules := s.kycRules()
	var out gen.Document
	e = s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		d := acc.documentByID(id)
		if d == nil {
			return errDocumentNotFound
		}
		if f.typeID != d.typeID {
			return fieldError(CodeBadRequest, "kyc_document_id", "is not this document's type")
		}
		t, e := rules.checkForm(f)
		if e != nil {
			return e
		}
		if t.IsAttachmentRequired && f.fileName == "" && d.fileURL == "" {
			return fieldError(CodeBadRequest, "file", "this document type needs a scan")
		}
		rules.apply(d, f, now)
		d.modifiedAt, d.modifiedBy, d.reason = now, "customer", f.reason
		out = d.view()
		return nil
	})
	return out, e
}

func (acc *account) documentByID(id string) *kycDocument {
	i := slices.IndexFunc(acc.documents, func(d *kycDocument) bool { return d.id == id })
	if i < 0 {
		return nil
	}
	return acc.documents[i]
}

var errDocumentNotFound = notFound("document not found")

// document returns one of the customer's documents.
func (s *Server) document(userID, id string) (gen.Document, *apiError) {
	var out gen.Document
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		d := acc.documentByID(id)
		if d == nil {
			return errDocumentNotFound
		}
		out = d.view()
		return nil
	})
	return out, e
}

// deleteDocument removes one of the customer's documents, unless it is
// approved.
func (s *Server) deleteDocument(userID, id string) *apiError {
	return s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		d := acc.documentByID(id)
		if d == nil {
			return errDocumentNotFound
		}
		if d.status == docApproved {
			return badRequest(CodeDocumentLocked, "an approved document cannot be deleted: update it instead")
		}
		acc.documents = slices.DeleteFunc(acc.documents, func(o *kycDocument) bool { return o == d })
		return nil
	})
}

// documents lists the customer's documents in the order they were added.
func (s *Server) documents(userID string) ([]gen.Document, *apiError) {
	out := []gen.Document{}
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		for _, d := range acc.documents {
			out = append(out, d.view())
		}
		return nil
	})
	return out, e
}

// verifyDocumentNumber checks a GSTIN or PAN with the tax authority before
// it is saved, and returns the ID of the check.
func (s *Server) verifyDocumentNumber(b gen.VerifyDocumentBody) (string, *apiError) {
	rules := s.kycRules()
	t, e := rules.documentType(b.DocumentTypeID)
	if e != nil {
		return "", e
	}
	kind := string(t.DocumentType)
	if kind != "gst" && kind != "pan" {
		return "", fieldError(CodeBadRequest, "document_type_id", "only GSTIN and PAN numbers can be verified")
	}
	number := strings.ToUpper(strings.TrimSpace(b.DocumentNumber))
	if e := checkDocumentNumber(kind, number); e != nil {
		return "", e
	}
	if !rules.known(kind, number) {
		return "", fieldError(CodeVerificationFailed, "document_number", "the tax authority has no record of this number")
	}
	return newULID(s.Now()), nil
}

// ReviewDocument approves or rejects the KYC document documentID of the
// user userID, as the store's staff would: for document types verified
// manually, whose documents wait as submitted.
func (s *Server) ReviewDocument(userID, documentID string, approve bool) error {
	now := timestamp(s.Now())
	s.accounts.mu.Lock()
	defer s.accounts.mu.Unlock()
	acc := s.accounts.get(userID, time.Time{}, false)
	var d *kycDocument
	if acc != nil {
		d = acc.documentByID(documentID)
	}
	if d == nil {
		return fmt.Errorf("storefronttest: ReviewDocument: no document %q of user %q", documentID, userID)
	}
	d.status, d.verifiedAt = docRejected, time.Time{}
	if approve {
		d.status, d.verifiedAt = docApproved, now
	}
	d.modifiedAt, d.modifiedBy = now, "admin"
	return nil
}
