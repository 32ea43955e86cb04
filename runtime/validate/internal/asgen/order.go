package asgen

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// As generated from:
//
//	class Customer(BaseModel):
//	    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
//	    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
//
//	class LineItem(BaseModel):
//	    sku: str = Field(pattern=r"^[A-Z]{3}-[0-9]+$")
//	    qty: int = Field(ge=1, le=1000)
//	    unit_price: Decimal = Field(max_digits=10, decimal_places=2)
//	    discount: float = Field(default=0.0, ge=0, le=1)
//
//	class Order(BaseModel):
//	    id: int = Field(gt=0)
//	    customer: Customer
//	    lines: list[LineItem] = Field(min_length=1, max_length=100)
//	    note: Optional[str] = None
//	    created: datetime
//	    paid: bool = False

// Customer is the Customer model.
type Customer struct {
	Name  string
	Email string
	Set   validate.FieldsSet
}

// LineItem is the LineItem model.
type LineItem struct {
	SKU       string
	Qty       validate.Int
	UnitPrice validate.Decimal
	Discount  float64
	Set       validate.FieldsSet
}

// Order is the Order model.
type Order struct {
	ID       validate.Int
	Customer Customer
	Lines    []LineItem
	Note     validate.Opt[string]
	Created  validate.DateTime
	Paid     bool
	Set      validate.FieldsSet
}

func ip(i int) *int { return &i }

func iv(i int64) *validate.Int { v := validate.IntOf(i); return &v }

func fv(f float64) *float64 { return &f }

func mustPattern(p string) *validate.Pattern {
	c, err := validate.CompilePattern(p)
	if err != nil {
		panic(err)
	}
	return c
}

var (
	customerName  = validate.StrConstraints{StripWhitespace: true, MinLength: ip(1), MaxLength: ip(50)}
	customerEmail = validate.StrConstraints{Pattern: mustPattern(`^[^@\s]+@[^@\s]+$`)}
	lineSKU       = validate.StrConstraints{Pattern: mustPattern(`^[A-Z]{3}-[0-9]+$`)}
	lineQty       = validate.IntConstraints{Ge: iv(1), Le: iv(1000)}
	linePrice     = validate.DecimalConstraints{MaxDigits: ip(10), DecimalPlaces: ip(2)}
	lineDiscount  = validate.FloatConstraints{Ge: fv(0), Le: fv(1)}
	orderID       = validate.IntConstraints{Gt: iv(0)}
	orderLines    = validate.Length{Min: ip(1), Max: ip(100)}
)

func customerKey(k string) int {
	switch k {
	case "name":
		return 0
	case "email":
		return 1
	}
	return -1
}

// DecodeCustomer validates a Customer.
func DecodeCustomer(s *validate.State, v pyjson.Value, o *Customer) bool {
	*o = Customer{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [2]pyjson.Value
	validate.Collect(v, in[:], customerKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("name")
		if s.Str(x, &customerName, &o.Name) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("name", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("email")
		if s.Str(x, &customerEmail, &o.Email) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("email", v)
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

// Encode writes a Customer.
func (o *Customer) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("name", "", o.Set.Has(0), false, false) {
		e.Str(o.Name)
		e.Done()
	}
	if e.Field("email", "", o.Set.Has(1), false, false) {
		e.Str(o.Email)
		e.Done()
	}
	e.EndModel()
}

func lineKey(k string) int {
	switch k {
	case "sku":
		return 0
	case "qty":
		return 1
	case "unit_price":
		return 2
	case "discount":
		return 3
	}
	return -1
}

// DecodeLineItem validates a LineItem.
func DecodeLineItem(s *validate.State, v pyjson.Value, o *LineItem) bool {
	*o = LineItem{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [4]pyjson.Value
	validate.Collect(v, in[:], lineKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("sku")
		if s.Str(x, &lineSKU, &o.SKU) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("sku", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("qty")
		if s.Int(x, &lineQty, &o.Qty) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("qty", v)
	}
	if x := in[2]; validate.Present(x) {
		s.PushKey("unit_price")
		if s.Decimal(x, &linePrice, &o.UnitPrice) {
			o.Set.Add(2)
		}
		s.Pop()
	} else {
		s.Missing("unit_price", v)
	}
	if x := in[3]; validate.Present(x) {
		s.PushKey("discount")
		if s.Float(x, &lineDiscount, &o.Discount) {
			o.Set.Add(3)
		}
		s.Pop()
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

// Encode writes a LineItem.
func (o *LineItem) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("sku", "", o.Set.Has(0), false, false) {
		e.Str(o.SKU)
		e.Done()
	}
	if e.Field("qty", "", o.Set.Has(1), false, false) {
		e.Int(o.Qty)
		e.Done()
	}
	if e.Field("unit_price", "", o.Set.Has(2), false, false) {
		e.Decimal(o.UnitPrice)
		e.Done()
	}
	if e.Field("discount", "", o.Set.Has(3), o.Discount == 0.0, false) {
		e.Float(o.Discount)
		e.Done()
	}
	e.EndModel()
}

func orderKey(k string) int {
	switch k {
	case "id":
		return 0
	case "customer":
		return 1
	case "lines":
		return 2
	case "note":
		return 3
	case "created":
		return 4
	case "paid":
		return 5
	}
	return -1
}

func decodeNote(s *validate.State, v pyjson.Value, out *string) bool { return s.Str(v, nil, out) }

// DecodeOrder validates an Order.
func DecodeOrder(s *validate.State, v pyjson.Value, o *Order) bool {
	*o = Order{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [6]pyjson.Value
	validate.Collect(v, in[:], orderKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("id")
		if s.Int(x, &orderID, &o.ID) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("id", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("customer")
		if DecodeCustomer(s, x, &o.Customer) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("customer", v)
	}
	if x := in[2]; validate.Present(x) {
		s.PushKey("lines")
		if validate.List(s, x, &orderLines, DecodeLineItem, &o.Lines) {
			o.Set.Add(2)
		}
		s.Pop()
	} else {
		s.Missing("lines", v)
	}
	if x := in[3]; validate.Present(x) {
		s.PushKey("note")
		if validate.Nullable(s, x, decodeNote, &o.Note) {
			o.Set.Add(3)
		}
		s.Pop()
	}
	if x := in[4]; validate.Present(x) {
		s.PushKey("created")
		if s.DateTime(x, &o.Created) {
			o.Set.Add(4)
		}
		s.Pop()
	} else {
		s.Missing("created", v)
	}
	if x := in[5]; validate.Present(x) {
		s.PushKey("paid")
		if s.Bool(x, &o.Paid) {
			o.Set.Add(5)
		}
		s.Pop()
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

// Encode writes an Order.
func (o *Order) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("id", "", o.Set.Has(0), false, false) {
		e.Int(o.ID)
		e.Done()
	}
	if e.Field("customer", "", o.Set.Has(1), false, false) {
		o.Customer.Encode(e)
		e.Done()
	}
	if e.Field("lines", "", o.Set.Has(2), false, false) {
		e.BeginArray()
		for i := range o.Lines {
			if e.Item(i) {
				o.Lines[i].Encode(e)
				e.Done()
			}
		}
		e.EndArray()
		e.Done()
	}
	if e.Field("note", "", o.Set.Has(3), !o.Note.Valid, !o.Note.Valid) {
		if o.Note.Valid {
			e.Str(o.Note.Value)
		} else {
			e.Null()
		}
		e.Done()
	}
	if e.Field("created", "", o.Set.Has(4), false, false) {
		e.DateTime(o.Created)
		e.Done()
	}
	if e.Field("paid", "", o.Set.Has(5), !o.Paid, false) {
		e.Bool(o.Paid)
		e.Done()
	}
	e.EndModel()
}
