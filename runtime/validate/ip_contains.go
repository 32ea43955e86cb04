package validate

// IsNetwork reports an IPv4Network or IPv6Network.
func (ip IP) IsNetwork() bool { return ip.shape == ipNetwork }

// NetworkContains is Python's `o in n` for a network n (ipaddress's
// _BaseNetwork.__contains__): false for another IP version or for a network, else
// whether o's address (an interface's too) lies in n.
func (ip IP) NetworkContains(o IP) bool {
	if ip.v6 != o.v6 || o.shape == ipNetwork {
		return false
	}
	if !ip.v6 {
		var mask uint32
		if ip.prefix > 0 {
			mask = ^uint32(0) << (32 - uint(ip.prefix))
		}
		return uint32(o.lo)&mask == uint32(ip.lo)&mask
	}
	var mhi, mlo uint64
	switch p := uint(ip.prefix); {
	case p == 0:
	case p <= 64:
		mhi = ^uint64(0) << (64 - p)
	default:
		mhi = ^uint64(0)
		mlo = ^uint64(0) << (128 - p)
	}
	return o.hi&mhi == ip.hi&mhi && o.lo&mlo == ip.lo&mlo
}
