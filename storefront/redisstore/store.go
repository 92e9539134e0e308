package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/commercengine-go/sdk/storefront"
)

// Store is the token pair of one server-side session in Redis. It
// implements storefront.TokenStore, storefront.RenewalCoordinator,
// storefront.RenewalJournal and storefront.RenewalFence, and is safe for
// concurrent use. Every call returns by the end of its context.
type Store struct {
	b   *Backend
	id  string
	key string
	bad bool
}

var (
	_ storefront.RenewalCoordinator = (*Store)(nil)
	_ storefront.RenewalJournal     = (*Store)(nil)
	_ storefront.RenewalFence       = (*Store)(nil)
)

// ID returns the session ID.
func (s *Store) ID() string { return s.id }

func (s *Store) check() error {
	if s.bad {
		return ErrBadSessionID
	}
	return nil
}

// encode is the stored form of a pair: its JSON, or "" for none. Equal
// pairs encode to equal strings, which the compare-and-swap relies on.
func encode(t storefront.Tokens) (string, error) {
	if t.IsZero() {
		return "", nil
	}
	b, err := json.Marshal(t)
	return string(b), err
}

func decode(s string) (storefront.Tokens, error) {
	var t storefront.Tokens
	if s == "" {
		return t, nil
	}
	if err := json.Unmarshal([]byte(s), &t); err != nil {
		return storefront.Tokens{}, errors.New("redisstore: the session record is not a token pair")
	}
	return t, nil
}

// Load implements storefront.TokenStore. A missing session is empty.
func (s *Store) Load(ctx context.Context) (storefront.Tokens, error) {
	if err := s.check(); err != nil {
		return storefront.Tokens{}, err
	}
	v, err := bounded(ctx, func(ctx context.Context) (string, error) { return s.b.rdb.Get(ctx, s.key).Result() })
	if errors.Is(err, redis.Nil) {
		return storefront.Tokens{}, nil
	}
	if err != nil {
		return storefront.Tokens{}, fmt.Errorf("redisstore: load session: %w", err)
	}
	return decode(v)
}

// Save implements storefront.TokenStore. The record expires SessionTTL
// after the save.
func (s *Store) Save(ctx context.Context, t storefront.Tokens) error {
	if err := s.check(); err != nil {
		return err
	}
	v, err := encode(t)
	if err != nil {
		return err
	}
	if v == "" {
		return s.Clear(ctx)
	}
	if _, err := bounded(ctx, func(ctx context.Context) (string, error) { return s.b.rdb.Set(ctx, s.key, v, s.b.sessionTTL).Result() }); err != nil {
		return fmt.Errorf("redisstore: save session: %w", err)
	}
	return nil
}

// Clear implements storefront.TokenStore.
func (s *Store) Clear(ctx context.Context) error {
	if err := s.check(); err != nil {
		return err
	}
	if _, err := bounded(ctx, func(ctx context.Context) (int64, error) { return s.b.rdb.Del(ctx, s.key).Result() }); err != nil {
		return fmt.Errorf("redisstore: clear session: %w", err)
	}
	return nil
}

// casScript replaces KEYS[1] with ARGV[2] (deleting it for "") if it holds
// ARGV[1] ("" for missing), setting the expiry ARGV[3] ms; it answers
// {1, new} or {0, current}.
var casScript = redis.NewScript(`
local cur = redis.call('GET', KEYS[1])
if cur == false then cur = '' end
if cur ~= ARGV[1] then
  return {0, cur}
end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return {1, ARGV[2]}
`)

// CompareAndSwap implements storefront.RenewalCoordinator, atomically in
// Redis.
func (s *Store) CompareAndSwap(ctx context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	if err := s.check(); err != nil {
		return storefront.Tokens{}, false, err
	}
	p, err := encode(prev)
	if err != nil {
		return storefront.Tokens{}, false, err
	}
	n, err := encode(next)
	if err != nil {
		return storefront.Tokens{}, false, err
	}
	res, err := bounded(ctx, func(ctx context.Context) ([]any, error) {
		return casScript.Run(ctx, s.b.rdb, []string{s.key}, p, n, s.b.sessionTTL.Milliseconds()).Slice()
	})
	if err != nil {
		return storefront.Tokens{}, false, fmt.Errorf("redisstore: compare-and-swap session: %w", err)
	}
	if len(res) != 2 {
		return storefront.Tokens{}, false, errors.New("redisstore: compare-and-swap: unexpected answer")
	}
	swapped, _ := res[0].(int64)
	cur, _ := res[1].(string)
	t, err := decode(cur)
	return t, swapped == 1, err
}

// LockRenewal implements storefront.RenewalCoordinator with the Backend's
// renewal lock (see Backend.LockRenewal).
func (s *Store) LockRenewal(ctx context.Context, key string, fn func(context.Context) error) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.b.LockRenewal(ctx, key, fn)
}

// HoldRenewalLock implements storefront.RenewalFence (see
// Backend.HoldRenewalLock).
func (s *Store) HoldRenewalLock(ctx context.Context, d time.Duration) error {
	return s.b.HoldRenewalLock(ctx, d)
}

// RecordRenewal implements storefront.RenewalJournal (see
// Backend.RecordRenewal).
func (s *Store) RecordRenewal(ctx context.Context, key string, next storefront.Tokens, ttl time.Duration) error {
	return s.b.RecordRenewal(ctx, key, next, ttl)
}

// LookupRenewal implements storefront.RenewalJournal (see
// Backend.LookupRenewal).
func (s *Store) LookupRenewal(ctx context.Context, key string) (storefront.Tokens, bool, error) {
	return s.b.LookupRenewal(ctx, key)
}
