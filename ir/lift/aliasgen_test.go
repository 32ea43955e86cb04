package lift

import "testing"

// TestAliasGenerators compares the ports of pydantic.alias_generators with what pydantic
// 2.13 returns for the same names.
func TestAliasGenerators(t *testing.T) {
	tests := []struct{ in, camel, pascal, snake string }{
		{"invoice_id", "invoiceId", "InvoiceId", "invoice_id"},
		{"total_amount", "totalAmount", "TotalAmount", "total_amount"},
		{"already", "already", "Already", "already"},
		{"alreadyCamel", "alreadyCamel", "Alreadycamel", "already_camel"},
		{"_private_name", "_privateName", "_PrivateName", "_private_name"},
		{"__dunder_x", "__dunderX", "__DunderX", "__dunder_x"},
		{"http_2_ok", "http2Ok", "Http2Ok", "http_2_ok"},
		{"a1b_c", "a1BC", "A1BC", "a_1b_c"},
		{"x_", "x_", "X_", "x_"},
		{"ip_v4_address", "ipV4Address", "IpV4Address", "ip_v_4_address"},
		{"HTTPResponse", "httpresponse", "Httpresponse", "http_response"},
		{"getHTTPResponseCode", "getHTTPResponseCode", "Gethttpresponsecode", "get_http_response_code"},
		{"kebab-case-name", "kebab-Case-Name", "Kebab-Case-Name", "kebab_case_name"},
		{"Already_Pascal", "alreadyPascal", "AlreadyPascal", "already_pascal"},
		{"v2_api", "v2Api", "V2Api", "v_2_api"},
		{"snake_case_1st", "snakeCase1St", "SnakeCase1St", "snake_case_1st"},
		{"a__b", "a__B", "A__B", "a__b"},
		{"A_B_C", "aBC", "ABC", "a_b_c"},
	}
	for _, tt := range tests {
		c, _ := toCamel(tt.in)
		p, _ := toPascal(tt.in)
		s, _ := toSnake(tt.in)
		if c != tt.camel || p != tt.pascal || s != tt.snake {
			t.Errorf("%q: to_camel %q, to_pascal %q, to_snake %q; want %q, %q, %q", tt.in, c, p, s, tt.camel, tt.pascal, tt.snake)
		}
	}
	if _, ok := toCamel("naïve_name"); ok {
		t.Error("a non-ASCII name must not be converted")
	}
}
