package storefront

import "context"

// DocumentUpload is a KYC document to add or replace: the number of the
// document (a PAN, a GSTIN …), which of the store's KYC documents it is
// (StoreService.ListKycDocument), and, where the store asks for one, a scan
// streamed from File. The document number is personal data: it never
// appears in the SDK's logs or errors.
type DocumentUpload struct {
	KycDocumentID  string  // required
	DocumentNumber string  // required
	Note           string  // optional
	File           *Upload // the scan; optional unless the store requires an attachment
	// ModifiedReason says why a document is replaced; required by
	// UpdateDocument, ignored by CreateDocument.
	ModifiedReason string
}

func (d DocumentUpload) form(update bool) func() (*multipartForm, error) {
	return func() (*multipartForm, error) {
		if err := firstErr(checkRequired("KycDocumentID", d.KycDocumentID), checkRequired("DocumentNumber", d.DocumentNumber)); err != nil {
			return nil, err
		}
		if update {
			if err := checkRequired("ModifiedReason", d.ModifiedReason); err != nil {
				return nil, err
			}
		}
		f := newMultipartForm()
		f.addPersonalField("document_number", d.DocumentNumber)
		f.addField("kyc_document_id", d.KycDocumentID)
		if d.Note != "" {
			f.addField("note", d.Note)
		}
		if update {
			f.addField("modified_reason", d.ModifiedReason)
		}
		if d.File != nil {
			if err := f.addFile("file", *d.File); err != nil {
				return nil, err
			}
		}
		return f, nil
	}
}

// CreateDocument adds a KYC document of the customer's and returns it,
// with its verification status. An empty customerID means the session's
// own customer (the customer ID of its access token; an anonymous visitor
// has none and gets ErrNoCustomerID).
//
// API: create-document (POST /customers/{customer_id}/documents).
// Not safe to resend: retried only after a 429 or a connection that never
// opened, and then only if its file can be read again.
func (s *CustomersService) CreateDocument(ctx context.Context, customerID string, doc DocumentUpload, opts ...CallOption) (*CreateDocumentContent, error) {
	customerID, err := s.s.own(ctx, ownCustomer, customerID)
	if err != nil {
		return nil, err
	}
	out := new(CreateDocumentContent)
	if err := s.s.sendFormFor(ctx, doc.form(false), out, opts)(newCreateDocumentRequest(customerID)); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateDocument replaces one of the customer's KYC documents and returns
// it; doc.ModifiedReason says why. An empty customerID means the session's
// own customer, as for CreateDocument.
//
// API: update-document (PUT /customers/{customer_id}/documents/{document_id}).
// Safe to resend: retried after a broken connection, a timeout or a 502,
// 503 or 504, and after a 429, if its file can be read again.
func (s *CustomersService) UpdateDocument(ctx context.Context, customerID, documentID string, doc DocumentUpload, opts ...CallOption) (*UpdateDocumentContent, error) {
	customerID, err := s.s.own(ctx, ownCustomer, customerID)
	if err != nil {
		return nil, err
	}
	out := new(UpdateDocumentContent)
	if err := s.s.sendFormFor(ctx, doc.form(true), out, opts)(newUpdateDocumentRequest(customerID, documentID)); err != nil {
		return nil, err
	}
	return out, nil
}

// ReturnAttachments are the photos and videos of a return.
type ReturnAttachments struct {
	Images []Upload
	Videos []Upload
}

// UploadOrderReturnAttachments attaches photos and videos to a return of
// an order, for the store to assess it. Each file is streamed from its
// reader, up to MaxUploadBytes.
//
// API: upload-order-return-attachments (POST /orders/{order_number}/returns/{return_number}/attachments).
// Not safe to resend: retried only after a 429 or a connection that never
// opened, and then only if every file can be read again.
func (s *OrdersService) UploadOrderReturnAttachments(ctx context.Context, orderNumber, returnNumber string, files ReturnAttachments, opts ...CallOption) error {
	form := func() (*multipartForm, error) {
		if len(files.Images)+len(files.Videos) == 0 {
			return nil, invalid("give at least one image or video")
		}
		f := newMultipartForm()
		for _, up := range files.Images {
			if err := f.addFile("images", up); err != nil {
				return nil, err
			}
		}
		for _, up := range files.Videos {
			if err := f.addFile("videos", up); err != nil {
				return nil, err
			}
		}
		return f, nil
	}
	return s.s.sendForm(ctx, form, opts)(newUploadOrderReturnAttachmentsRequest(orderNumber, returnNumber))
}
