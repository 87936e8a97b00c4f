package zhnum

import (
	"strconv"
	"strings"
)

// dec is an exact non-negative decimal m × 10^e. Numbers are kept exact from the
// source digits to the English text: a float would turn 0.3万 into
// 2999.9999999999995 one day, and a garbled number is worse than none.
type dec struct {
	m int64
	e int
}

const maxMant = 1<<63 - 1

var pow10 = [...]int64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

func decInt(n int64) dec { return dec{m: n}.norm() }

// norm strips trailing zeros from the mantissa, so equal values compare equal.
func (d dec) norm() dec {
	if d.m == 0 {
		return dec{}
	}
	for d.m%10 == 0 {
		d.m /= 10
		d.e++
	}
	return d
}

func mulPow10(m int64, k int) (int64, bool) {
	if m == 0 {
		return 0, true
	}
	if k < 0 || k >= len(pow10) || m > maxMant/pow10[k] {
		return 0, false
	}
	return m * pow10[k], true
}

func (d dec) add(o dec) (dec, bool) {
	if d.m == 0 {
		return o, true
	}
	if o.m == 0 {
		return d, true
	}
	e := min(d.e, o.e)
	a, ok1 := mulPow10(d.m, d.e-e)
	b, ok2 := mulPow10(o.m, o.e-e)
	if !ok1 || !ok2 || a > maxMant-b {
		return dec{}, false
	}
	return dec{a + b, e}.norm(), true
}

func (d dec) mul(n int64) (dec, bool) {
	if d.m == 0 || n == 0 {
		return dec{}, true
	}
	if d.m > maxMant/n {
		return dec{}, false
	}
	return dec{d.m * n, d.e}.norm(), true
}

// shift multiplies by 10^k.
func (d dec) shift(k int) dec {
	if d.m == 0 {
		return dec{}
	}
	return dec{d.m, d.e + k}
}

func (d dec) isZero() bool { return d.m == 0 }

func (d dec) isInt() bool { return d.norm().e >= 0 }

// small reports the value as an int64 when it is an integer below 10^18.
func (d dec) small() (int64, bool) {
	d = d.norm()
	if d.e < 0 {
		return 0, false
	}
	return mulPow10(d.m, d.e)
}

// parts returns the integer and fraction digits, without trailing fraction zeros.
func (d dec) parts() (ip, fp string) {
	d = d.norm()
	s := strconv.FormatInt(d.m, 10)
	if d.e >= 0 {
		if d.m == 0 {
			return "0", ""
		}
		return s + strings.Repeat("0", d.e), ""
	}
	k := -d.e
	if len(s) <= k {
		s = strings.Repeat("0", k-len(s)+1) + s
	}
	return s[:len(s)-k], s[len(s)-k:]
}

func (d dec) String() string {
	ip, fp := d.parts()
	if fp == "" {
		return ip
	}
	return ip + "." + fp
}

func (d dec) float() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// cmp compares exactly: -1, 0 or +1.
func (d dec) cmp(o dec) int {
	ai, af := d.parts()
	bi, bf := o.parts()
	if len(ai) != len(bi) {
		if len(ai) < len(bi) {
			return -1
		}
		return 1
	}
	if c := strings.Compare(ai, bi); c != 0 {
		return c
	}
	n := max(len(af), len(bf))
	af += strings.Repeat("0", n-len(af))
	bf += strings.Repeat("0", n-len(bf))
	return strings.Compare(af, bf)
}
