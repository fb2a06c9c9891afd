/// The `numbers` blocks of `Carriers/usps.json`, `Carriers/epacket.json` and `Carriers/ems.json`, word for word.
///
/// Each constant is a JSON object holding only the block, so decoding it gives the same key paths
/// (`numbers.formats[0].pattern`) as the real carrier file. Kept as Swift literals because a `.json` file inside a
/// test target would need a `resources` entry in Package.swift. `CarrierNumberBlockTests` proves every block:
/// check digits in the test numbers were computed by `CheckDigitRule`, not written by hand.
enum CarrierNumberBlocks {
    /// Every block, keyed by carrier, in the order the identifier consults them.
    static let all: [(carrier: String, json: String)] = [("usps", usps), ("epacket", epacket), ("ems", ems)]

    static let usps = #"""
{
  "numbers": {
    "formats": [
      {
        "service": "USPS Tracking (IMpb, 22 digits)",
        "note": "Intelligent Mail package barcode: channel 91-95, service type, mailer ID, serial, check digit.",
        "pattern": "^(?<serial>9[1-5][0-9]{19})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1] }
      },
      {
        "service": "USPS Tracking (IMpb, 26 digits)",
        "note": "The longer IMpb package identification code: channel 91-95 and 23 more digits, then the check digit.",
        "pattern": "^(?<serial>9[1-5][0-9]{23})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1] }
      },
      {
        "service": "USPS Tracking (IMpb, 30 digits with ZIP)",
        "note": "Routing code 420 + destination ZIP, then a 22-digit IMpb number; the check digit covers the IMpb part.",
        "pattern": "^420(?<zip>[0-9]{5})(?<serial>9[1-5][0-9]{19})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1] }
      },
      {
        "service": "USPS Tracking (IMpb, 34 digits with ZIP+4)",
        "note": "Routing code 420 + destination ZIP+4, then a 22-digit IMpb number; the check digit covers the IMpb part.",
        "pattern": "^420(?<zip>[0-9]{9})(?<serial>9[1-5][0-9]{19})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1] }
      },
      {
        "service": "USPS Tracking (IMpb, 34 digits with ZIP)",
        "note": "Routing code 420 + destination ZIP, then a 26-digit IMpb number; the check digit covers the IMpb part.",
        "pattern": "^420(?<zip>[0-9]{5})(?<serial>9[1-5][0-9]{23})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1] }
      },
      {
        "service": "USPS 20-digit (IMpb without channel 91)",
        "note": "Older labels (certified mail, 7xxx...) print a 22-digit IMpb number without its leading 91; the check digit still counts it.",
        "pattern": "^(?!9[1-5])(?<serial>[0-9]{19})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1], "serial_prefix": "91" }
      },
      {
        "service": "USPS 20-digit (legacy)",
        "note": "Pre-IMpb 20-digit numbers whose check digit covers the 19 digits as printed.",
        "pattern": "^(?<serial>[0-9]{19})(?<check>[0-9])$",
        "check_digit": { "algorithm": "mod10", "weights": [3, 1] }
      },
      {
        "service": "Priority Mail Express International",
        "note": "UPU S10 with service indicator E (EMS), posted in the US.",
        "pattern": "^E[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>US)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      },
      {
        "service": "Priority Mail International",
        "note": "UPU S10 with service indicator C (parcels), posted in the US.",
        "pattern": "^C[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>US)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      },
      {
        "service": "Registered Mail International",
        "note": "UPU S10 with service indicator R (registered letter post), posted in the US.",
        "pattern": "^R[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>US)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      },
      {
        "service": "First-Class Package International Service",
        "note": "UPU S10 with service indicator L (tracked letter post), posted in the US.",
        "pattern": "^L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>US)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      },
      {
        "service": "International mail (S10)",
        "note": "Any other UPU S10 service indicator (not C, E, L or R), posted in the US.",
        "pattern": "^[ABDF-KM-QS-Z][A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>US)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      }
    ],
    "test_numbers": {
      "valid": [
        "9400 1118 9922 3100 0123 48",
        "9205 5901 2345 6789 0123 45",
        "9261 2990 1234 5678 9012 3456 75",
        "420 90210 9205 5901 2345 6789 0123 45",
        "420 90210 1234 9400 1118 9922 3100 0123 48",
        "420 10001 9261 2990 1234 5678 9012 3456 75",
        "7019 0140 0000 1234 5676",
        "0307 5512 0004 4821 9373",
        "EA 284 019 375 US",
        "CP 551 827 409 US",
        "RR 007 261 155 US",
        "LZ 390 411 889 US",
        "UA 617 302 942 US"
      ],
      "invalid": [
        "9400 1118 9922 3100 0123 47",
        "9400 1118 9922 3100 0123 4",
        "9600 1118 9922 3100 0123 48",
        "420 90210 9205 5901 2345 6789 0123 46",
        "420 90210 1234 9400 1118 9922 3100 0123 40",
        "7019 0140 0000 1234 5670",
        "9400 1118 9922 3100 0124",
        "EA 284 019 374 US",
        "EA 284 019 375 XX"
      ]
    }
  }
}
"""#

    static let epacket = #"""
{
  "numbers": {
    "formats": [
      {
        "service": "ePacket",
        "note": "UPU S10 with service indicator L (tracked letter post) from China. China Post uses the whole L range (LK, LN, LT, LW, LX, LZ...) for ePacket and its tracked small-packet variants, and the store ships from China only by ePacket or EMS, so every L?...CN number is ePacket.",
        "pattern": "^L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>CN)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      }
    ],
    "test_numbers": {
      "valid": [
        "LX472916353CN",
        "LK083055129CN",
        "LZ611840271CN",
        "LW305719463CN",
        "LN472916530CN",
        "lx 4729-1635 3 cn"
      ],
      "invalid": [
        "LX472916357CN",
        "LX47291635CN",
        "LX472916353HK",
        "LX4729163533CN"
      ]
    }
  }
}
"""#

    static let ems = #"""
{
  "numbers": {
    "formats": [
      {
        "service": "EMS",
        "note": "UPU S10 with service indicator E, which the UPU reserves for EMS, from China.",
        "pattern": "^E[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>CN)$",
        "check_digit": { "algorithm": "s10" },
        "country_must_be_iso3166": true
      }
    ],
    "test_numbers": {
      "valid": [
        "EA338102546CN",
        "EB720493184CN",
        "EE159630724CN",
        "EV123456745CN",
        "ea 3381 0254 6 cn"
      ],
      "invalid": [
        "EA338102541CN",
        "EA33810254CN",
        "EA338102546HK",
        "E1338102546CN"
      ]
    }
  }
}
"""#
}
