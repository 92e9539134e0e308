package storefronttest

import (
	"fmt"
	"strings"
)

// seedCountries adds India (every state and union territory, with GST
// codes, and a few hundred postal codes of twelve cities), the United
// States, the United Kingdom and the United Arab Emirates, and marks which
// Indian postal codes the store delivers to and collects from.
func seedCountries(sh *shop) {
	in := &country{id: "country-in", name: "India", callingCode: "+91", iso: "IN", currencyCode: "INR", currencySymbol: "₹",
		currencyName: "Indian Rupee", alias: "Bharat", continent: "Asia"}
	for _, s := range indianStates {
		in.states = append(in.states, countryState{id: "state-" + strings.ToLower(s[1]), name: s[0], iso: s[1], gst: s[2], alias: s[0]})
	}
	for _, c := range indianCities {
		for i := range c.count {
			code := fmt.Sprintf("%06d", c.first+i)
			in.pincodes = append(in.pincodes, pincode{code: code, city: c.city, state: c.state})
			if c.delivery {
				sh.delivery[code] = true
			}
			if i < c.pickup {
				sh.pickup[code] = true
			}
		}
	}
	sh.putCountryLocked(in)

	us := &country{id: "country-us", name: "United States", callingCode: "+1", iso: "US", currencyCode: "USD", currencySymbol: "$",
		currencyName: "US Dollar", alias: "USA", continent: "North America"}
	for _, s := range usStates {
		us.states = append(us.states, countryState{id: "state-" + strings.ToLower(s[1]), name: s[0], iso: s[1], alias: s[0]})
	}
	for _, z := range [][3]string{{"10001", "New York", "New York"}, {"94105", "San Francisco", "California"},
		{"60601", "Chicago", "Illinois"}, {"73301", "Austin", "Texas"}, {"98101", "Seattle", "Washington"}} {
		us.pincodes = append(us.pincodes, pincode{code: z[0], city: z[1], state: z[2]})
	}
	sh.putCountryLocked(us)

	gb := &country{id: "country-gb", name: "United Kingdom", callingCode: "+44", iso: "GB", currencyCode: "GBP", currencySymbol: "£",
		currencyName: "Pound Sterling", alias: "UK", continent: "Europe"}
	for _, s := range [][2]string{{"England", "GB-ENG"}, {"Scotland", "GB-SCT"}, {"Wales", "GB-WLS"}, {"Northern Ireland", "GB-NIR"}} {
		gb.states = append(gb.states, countryState{id: "state-" + strings.ToLower(s[1]), name: s[0], iso: s[1], alias: s[0]})
	}
	for _, z := range [][3]string{{"SW1A 1AA", "London", "England"}, {"EC1A 1BB", "London", "England"},
		{"M1 1AE", "Manchester", "England"}, {"EH1 1YZ", "Edinburgh", "Scotland"}, {"CF10 1EP", "Cardiff", "Wales"}, {"BT1 5GS", "Belfast", "Northern Ireland"}} {
		gb.pincodes = append(gb.pincodes, pincode{code: z[0], city: z[1], state: z[2]})
	}
	sh.putCountryLocked(gb)

	ae := &country{id: "country-ae", name: "United Arab Emirates", callingCode: "+971", iso: "AE", currencyCode: "AED", currencySymbol: "د.إ",
		currencyName: "UAE Dirham", alias: "UAE", continent: "Asia"}
	for _, s := range [][2]string{{"Abu Dhabi", "AE-AZ"}, {"Ajman", "AE-AJ"}, {"Dubai", "AE-DU"}, {"Fujairah", "AE-FU"},
		{"Ras Al Khaimah", "AE-RK"}, {"Sharjah", "AE-SH"}, {"Umm Al Quwain", "AE-UQ"}} {
		ae.states = append(ae.states, countryState{id: "state-" + strings.ToLower(s[1]), name: s[0], iso: s[1], alias: s[0]})
	}
	sh.putCountryLocked(ae)
}

// indianStates are India's states and union territories: name, ISO 3166-2
// code and GST state code.
var indianStates = [][3]string{
	{"Andaman and Nicobar Islands", "IN-AN", "35"}, {"Andhra Pradesh", "IN-AP", "37"}, {"Arunachal Pradesh", "IN-AR", "12"},
	{"Assam", "IN-AS", "18"}, {"Bihar", "IN-BR", "10"}, {"Chandigarh", "IN-CH", "04"}, {"Chhattisgarh", "IN-CG", "22"},
	{"Dadra and Nagar Haveli and Daman and Diu", "IN-DH", "26"}, {"Delhi", "IN-DL", "07"}, {"Goa", "IN-GA", "30"},
	{"Gujarat", "IN-GJ", "24"}, {"Haryana", "IN-HR", "06"}, {"Himachal Pradesh", "IN-HP", "02"},
	{"Jammu and Kashmir", "IN-JK", "01"}, {"Jharkhand", "IN-JH", "20"}, {"Karnataka", "IN-KA", "29"},
	{"Kerala", "IN-KL", "32"}, {"Ladakh", "IN-LA", "38"}, {"Lakshadweep", "IN-LD", "31"}, {"Madhya Pradesh", "IN-MP", "23"},
	{"Maharashtra", "IN-MH", "27"}, {"Manipur", "IN-MN", "14"}, {"Meghalaya", "IN-ML", "17"}, {"Mizoram", "IN-MZ", "15"},
	{"Nagaland", "IN-NL", "13"}, {"Odisha", "IN-OD", "21"}, {"Puducherry", "IN-PY", "34"}, {"Punjab", "IN-PB", "03"},
	{"Rajasthan", "IN-RJ", "08"}, {"Sikkim", "IN-SK", "11"}, {"Tamil Nadu", "IN-TN", "33"}, {"Telangana", "IN-TS", "36"},
	{"Tripura", "IN-TR", "16"}, {"Uttar Pradesh", "IN-UP", "09"}, {"Uttarakhand", "IN-UK", "05"}, {"West Bengal", "IN-WB", "19"},
}

// indianCities are the cities whose postal codes are seeded: a run of
// count codes from first; the store delivers to the metros and has stores
// to collect from at the first pickup codes of two of them.
var indianCities = []struct {
	city, state  string
	first, count int
	delivery     bool
	pickup       int
}{
	{"Bengaluru", "Karnataka", 560001, 40, true, 10},
	{"Mumbai", "Maharashtra", 400001, 40, true, 5},
	{"New Delhi", "Delhi", 110001, 40, true, 0},
	{"Chennai", "Tamil Nadu", 600001, 40, true, 0},
	{"Kolkata", "West Bengal", 700001, 30, true, 0},
	{"Hyderabad", "Telangana", 500001, 30, true, 0},
	{"Pune", "Maharashtra", 411001, 30, true, 0},
	{"Ahmedabad", "Gujarat", 380001, 25, true, 0},
	{"Jaipur", "Rajasthan", 302001, 25, true, 0},
	{"Kochi", "Kerala", 682001, 25, true, 0},
	{"Guwahati", "Assam", 781001, 20, false, 0},
	{"Darjeeling", "West Bengal", 734101, 5, false, 0},
}

// usStates are the fifty states and the District of Columbia.
var usStates = [][2]string{
	{"Alabama", "US-AL"}, {"Alaska", "US-AK"}, {"Arizona", "US-AZ"}, {"Arkansas", "US-AR"}, {"California", "US-CA"},
	{"Colorado", "US-CO"}, {"Connecticut", "US-CT"}, {"Delaware", "US-DE"}, {"District of Columbia", "US-DC"},
	{"Florida", "US-FL"}, {"Georgia", "US-GA"}, {"Hawaii", "US-HI"}, {"Idaho", "US-ID"}, {"Illinois", "US-IL"},
	{"Indiana", "US-IN"}, {"Iowa", "US-IA"}, {"Kansas", "US-KS"}, {"Kentucky", "US-KY"}, {"Louisiana", "US-LA"},
	{"Maine", "US-ME"}, {"Maryland", "US-MD"}, {"Massachusetts", "US-MA"}, {"Michigan", "US-MI"}, {"Minnesota", "US-MN"},
	{"Mississippi", "US-MS"}, {"Missouri", "US-MO"}, {"Montana", "US-MT"}, {"Nebraska", "US-NE"}, {"Nevada", "US-NV"},
	{"New Hampshire", "US-NH"}, {"New Jersey", "US-NJ"}, {"New Mexico", "US-NM"}, {"New York", "US-NY"},
	{"North Carolina", "US-NC"}, {"North Dakota", "US-ND"}, {"Ohio", "US-OH"}, {"Oklahoma", "US-OK"}, {"Oregon", "US-OR"},
	{"Pennsylvania", "US-PA"}, {"Rhode Island", "US-RI"}, {"South Carolina", "US-SC"}, {"South Dakota", "US-SD"},
	{"Tennessee", "US-TN"}, {"Texas", "US-TX"}, {"Utah", "US-UT"}, {"Vermont", "US-VT"}, {"Virginia", "US-VA"},
	{"Washington", "US-WA"}, {"West Virginia", "US-WV"}, {"Wisconsin", "US-WI"}, {"Wyoming", "US-WY"},
}
