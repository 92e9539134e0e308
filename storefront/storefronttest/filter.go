package storefronttest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/decimal"
)

// The filter expressions of search-products, as the API documents them:
//
//	attribute = value      attribute != value
//	attribute > number     (and >=, <, <=)
//	attribute a TO b       (inclusive range of numbers)
//	attribute IN [a, b]    attribute NOT IN [a, b]
//	attribute EXISTS       attribute NOT EXISTS
//	attribute IS NULL      attribute IS NOT NULL
//	attribute IS EMPTY     attribute IS NOT EMPTY
//	NOT cond, cond AND cond, cond OR cond, parentheses
//
// Operators are upper case; NOT binds tighter than AND, AND than OR.
// Values are bare words or quoted with ' or " (needed for spaces); strings
// compare without regard to case. On a multi-valued attribute (tags,
// categories.name) a condition holds when one value satisfies it, and
// != / NOT IN / IS NOT … are the negations of = / IN / IS … .

// fvalue is one value of a document's attribute: a string, a number, a
// boolean, or null.
type fvalue struct {
	kind byte // 's', 'n', 'b', or 0 for null
	s    string
	n    decimal.Decimal
	b    bool
}

func strValue(s string) fvalue                    { return fvalue{kind: 's', s: s} }
func numValue(n decimal.Decimal) fvalue           { return fvalue{kind: 'n', n: n} }
func boolValue(b bool) fvalue                     { return fvalue{kind: 'b', b: b} }
func nullValue() fvalue                           { return fvalue{} }
func (f fvalue) isEmptyString() bool              { return f.kind == 's' && f.s == "" }
func (f fvalue) isNull() bool                     { return f.kind == 0 }
func (f fvalue) numeric() (decimal.Decimal, bool) { return f.n, f.kind == 'n' }

func (f fvalue) String() string {
	switch f.kind {
	case 's':
		return f.s
	case 'n':
		return f.n.String()
	case 'b':
		if f.b {
			return "true"
		}
		return "false"
	}
	return "null"
}

// equals compares a document's value with a value of the expression.
func (f fvalue) equals(lit string) bool {
	switch f.kind {
	case 's':
		return strings.EqualFold(f.s, lit)
	case 'n':
		n, err := decimal.Parse(lit)
		return err == nil && n.Equal(f.n)
	case 'b':
		return strings.EqualFold(lit, f.String())
	}
	return false
}

// document is what a filter looks at: attribute name → values. An absent
// name is an absent attribute; a present name with no values is empty.
type document map[string][]fvalue

// filterNode is a parsed filter expression.
type filterNode interface {
	match(d document) bool
}

type andNode []filterNode
type orNode []filterNode
type notNode struct{ n filterNode }

func (a andNode) match(d document) bool {
	for _, n := range a {
		if !n.match(d) {
			return false
		}
	}
	return true
}

func (o orNode) match(d document) bool {
	for _, n := range o {
		if n.match(d) {
			return true
		}
	}
	return false
}

func (n notNode) match(d document) bool { return !n.n.match(d) }

// condition is one test of one attribute.
type condition struct {
	attr   string
	op     string // "=", ">", ">=", "<", "<=", "TO", "IN", "EXISTS", "NULL", "EMPTY"
	values []string
	lo, hi decimal.Decimal
}

func (c condition) match(d document) bool {
	vals, present := d[c.attr]
	switch c.op {
	case "EXISTS":
		return present
	case "NULL":
		return present && len(vals) > 0 && slices.ContainsFunc(vals, fvalue.isNull)
	case "EMPTY":
		return present && (len(vals) == 0 || slices.ContainsFunc(vals, fvalue.isEmptyString))
	case "=", "IN":
		return slices.ContainsFunc(vals, func(v fvalue) bool {
			return slices.ContainsFunc(c.values, v.equals)
		})
	}
	return slices.ContainsFunc(vals, func(v fvalue) bool {
		n, ok := v.numeric()
		if !ok {
			return false
		}
		switch c.op {
		case ">":
			return n.GreaterThan(c.lo)
		case ">=":
			return !n.LessThan(c.lo)
		case "<":
			return n.LessThan(c.lo)
		case "<=":
			return !n.GreaterThan(c.lo)
		case "TO":
			return !n.LessThan(c.lo) && !n.GreaterThan(c.hi)
		}
		return false
	})
}

// filterError is a filter that cannot be parsed or names an attribute
// that cannot be filtered on.
type filterError struct{ msg string }

func (e *filterError) Error() string { return e.msg }

// Token kinds of the filter lexer.
const (
	tokEOF = iota
	tokWord
	tokQuoted
	tokOp
	tokLParen
	tokRParen
	tokLBracket
	tokRBracket
	tokComma
)

type token struct {
	kind int
	text string
	pos  int // byte offset, for errors
}

var filterKeywords = []string{"AND", "OR", "NOT", "TO", "IN", "EXISTS", "IS", "NULL", "EMPTY"}

func (t token) is(keyword string) bool { return t.kind == tokWord && t.text == keyword }

func (t token) isKeyword() bool { return t.kind == tokWord && slices.Contains(filterKeywords, t.text) }

func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "the end"
	case tokQuoted:
		return fmt.Sprintf("%q at %d", t.text, t.pos)
	}
	return fmt.Sprintf("%q at %d", t.text, t.pos)
}

// lexFilter splits an expression into tokens.
func lexFilter(s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			out = append(out, token{tokLParen, "(", i})
			i++
		case c == ')':
			out = append(out, token{tokRParen, ")", i})
			i++
		case c == '[':
			out = append(out, token{tokLBracket, "[", i})
			i++
		case c == ']':
			out = append(out, token{tokRBracket, "]", i})
			i++
		case c == ',':
			out = append(out, token{tokComma, ",", i})
			i++
		case c == '=':
			out = append(out, token{tokOp, "=", i})
			i++
		case c == '!' || c == '>' || c == '<':
			if i+1 < len(s) && s[i+1] == '=' {
				out = append(out, token{tokOp, s[i : i+2], i})
				i += 2
			} else if c == '!' {
				return nil, &filterError{fmt.Sprintf("unexpected '!' at %d (the operator is !=)", i)}
			} else {
				out = append(out, token{tokOp, string(c), i})
				i++
			}
		case c == '\'' || c == '"':
			start := i
			var b strings.Builder
			i++
			for ; i < len(s) && s[i] != c; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, &filterError{fmt.Sprintf("the quote opened at %d is not closed", start)}
			}
			i++
			out = append(out, token{tokQuoted, b.String(), start})
		default:
			start := i
			for i < len(s) && !strings.ContainsRune(" \t\r\n()[],=!<>'\"", rune(s[i])) {
				i++
			}
			out = append(out, token{tokWord, s[start:i], start})
		}
	}
	return append(out, token{tokEOF, "", len(s)}), nil
}

// filterParser parses one expression; attr decides which attribute names
// are allowed.
type filterParser struct {
	toks []token
	i    int
	attr func(string) bool
}

func parseFilter(expr string, attr func(string) bool) (filterNode, error) {
	toks, err := lexFilter(expr)
	if err != nil {
		return nil, err
	}
	p := &filterParser{toks: toks, attr: attr}
	if p.peek().kind == tokEOF {
		return andNode{}, nil // an empty expression filters nothing out
	}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.unexpected(t)
	}
	return n, nil
}

func (p *filterParser) peek() token { return p.toks[p.i] }

func (p *filterParser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *filterParser) unexpected(t token) error {
	return &filterError{"unexpected " + t.describe()}
}

func (p *filterParser) or() (filterNode, error) {
	first, err := p.and()
	if err != nil {
		return nil, err
	}
	nodes := orNode{first}
	for p.peek().is("OR") {
		p.next()
		n, err := p.and()
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 1 {
		return first, nil
	}
	return nodes, nil
}

func (p *filterParser) and() (filterNode, error) {
	first, err := p.not()
	if err != nil {
		return nil, err
	}
	nodes := andNode{first}
	for p.peek().is("AND") {
		p.next()
		n, err := p.not()
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 1 {
		return first, nil
	}
	return nodes, nil
}

func (p *filterParser) not() (filterNode, error) {
	if p.peek().is("NOT") {
		p.next()
		n, err := p.not()
		if err != nil {
			return nil, err
		}
		return notNode{n}, nil
	}
	if p.peek().kind == tokLParen {
		p.next()
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if t := p.next(); t.kind != tokRParen {
			return nil, &filterError{"expected ')' instead of " + t.describe()}
		}
		return n, nil
	}
	return p.condition()
}

func (p *filterParser) condition() (filterNode, error) {
	at := p.next()
	if at.kind != tokWord || at.isKeyword() {
		return nil, &filterError{"expected an attribute instead of " + at.describe()}
	}
	if !p.attr(at.text) {
		return nil, &filterError{fmt.Sprintf("attribute %q cannot be filtered on", at.text)}
	}
	c := condition{attr: at.text}
	t := p.next()
	switch {
	case t.kind == tokOp:
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		switch t.text {
		case "=":
			c.op, c.values = "=", []string{v}
		case "!=":
			return notNode{condition{attr: c.attr, op: "=", values: []string{v}}}, nil
		default:
			n, err := number(v, t.text)
			if err != nil {
				return nil, err
			}
			c.op, c.lo = t.text, n
		}
		return c, nil
	case t.is("IN"):
		vals, err := p.list()
		if err != nil {
			return nil, err
		}
		c.op, c.values = "IN", vals
		return c, nil
	case t.is("NOT"):
		switch u := p.next(); {
		case u.is("IN"):
			vals, err := p.list()
			if err != nil {
				return nil, err
			}
			c.op, c.values = "IN", vals
		case u.is("EXISTS"):
			c.op = "EXISTS"
		default:
			return nil, &filterError{"expected IN or EXISTS after NOT instead of " + u.describe()}
		}
		return notNode{c}, nil
	case t.is("EXISTS"):
		c.op = "EXISTS"
		return c, nil
	case t.is("IS"):
		negate := false
		u := p.next()
		if u.is("NOT") {
			negate, u = true, p.next()
		}
		switch {
		case u.is("NULL"):
			c.op = "NULL"
		case u.is("EMPTY"):
			c.op = "EMPTY"
		default:
			return nil, &filterError{"expected NULL or EMPTY after IS instead of " + u.describe()}
		}
		if negate {
			return notNode{c}, nil
		}
		return c, nil
	case (t.kind == tokWord && !t.isKeyword()) || t.kind == tokQuoted:
		if !p.peek().is("TO") {
			return nil, &filterError{fmt.Sprintf("expected an operator after %q instead of %s", at.text, t.describe())}
		}
		p.next()
		hi, err := p.value()
		if err != nil {
			return nil, err
		}
		lo, err := number(t.text, "TO")
		if err != nil {
			return nil, err
		}
		h, err := number(hi, "TO")
		if err != nil {
			return nil, err
		}
		c.op, c.lo, c.hi = "TO", lo, h
		return c, nil
	}
	return nil, &filterError{fmt.Sprintf("expected an operator after %q instead of %s", at.text, t.describe())}
}

func (p *filterParser) value() (string, error) {
	t := p.next()
	if t.kind == tokQuoted || (t.kind == tokWord && !t.isKeyword()) {
		return t.text, nil
	}
	return "", &filterError{"expected a value instead of " + t.describe()}
}

func (p *filterParser) list() ([]string, error) {
	if t := p.next(); t.kind != tokLBracket {
		return nil, &filterError{"expected '[' instead of " + t.describe()}
	}
	var vals []string
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
		switch t := p.next(); t.kind {
		case tokComma:
			continue
		case tokRBracket:
			return vals, nil
		default:
			return nil, &filterError{"expected ',' or ']' instead of " + t.describe()}
		}
	}
}

func number(s, op string) (decimal.Decimal, error) {
	n, err := decimal.Parse(s)
	if err != nil {
		return decimal.Decimal{}, &filterError{fmt.Sprintf("%s needs a number, not %q", op, s)}
	}
	return n, nil
}
