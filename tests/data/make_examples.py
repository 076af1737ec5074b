"""Writes the example import files beside it; run again after changing it.

    .venv/bin/python tests/data/make_examples.py

The participant list of the Pune buyer-seller meet (300 Maharashtra MSMEs
with Udyam numbers, 41 foreign buyers from 16 countries, a few people) and
its 500-meeting schedule, as CSV and XLSX, plus the schedule with one bad
row (BAD_ROW: a seller booked twice at the same time), and a list of MoUs:
the IGNITE workshop's MoU as the demo data has it (its three parties) and
MoUs between firms of the participant list. Invented firms, deterministic
output: the tests read these files.
"""

import csv
import datetime
from itertools import product
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
# The data row (1 = the first row under the header) that books a seller twice.
BAD_ROW = 302

PREFIXES = [
    "Shree Ganesh",
    "Sahyadri",
    "Deccan",
    "Pawana",
    "Mula-Mutha",
    "Chakan",
    "Bhosari",
    "Hinjewadi",
    "Shivneri",
    "Rajgad",
    "Indrayani",
    "Bhima",
    "Sinhagad",
    "Lonavala",
    "Baramati",
    "Talegaon",
    "Ranjangaon",
    "Purandar",
    "Jejuri",
    "Saswad",
]
TRADES = [
    "Auto Components Pvt. Ltd.",
    "Precision Engineering Works",
    "Agro Foods LLP",
    "Textiles Pvt. Ltd.",
    "Leather Crafts",
    "Pharma Packaging Pvt. Ltd.",
    "Forgings",
    "Electricals Pvt. Ltd.",
    "Spices and Condiments",
    "Plastics Industries",
    "Castings Pvt. Ltd.",
    "Organic Exports LLP",
    "Handlooms",
    "Polymers Pvt. Ltd.",
    "Tools and Dies",
]
BUYERS = {
    "AE": ["Gulf Horizon Trading LLC", "Al Noor General Trading", "Jebel Ali Imports FZE"],
    "DE": ["Hanseatic Handelshaus GmbH", "Rhein Maschinen Import GmbH", "Bavaria Textil GmbH"],
    "US": ["Great Lakes Sourcing Inc.", "Pacific Rim Importers LLC", "Lone Star Supply Co."],
    "GB": ["Thames Valley Imports Ltd", "Midlands Engineering Supplies Ltd"],
    "FR": ["Rhône Distribution SARL", "Atelier Lyonnais Import SAS", "Comptoir de Marseille"],
    "IT": ["Milano Componenti S.r.l.", "Tessuti Toscani S.p.A."],
    "JP": ["Osaka Trading Co., Ltd.", "Nagoya Parts Corporation", "Kansai Foods K.K."],
    "KE": ["Mombasa Agro Imports Ltd", "Nairobi Hardware Traders"],
    "NG": ["Lagos Commodities Ltd", "Abuja Industrial Supplies"],
    "ZA": ["Cape Coastal Imports (Pty) Ltd", "Durban Auto Parts (Pty) Ltd", "Joburg Textiles"],
    "AU": ["Southern Cross Sourcing Pty Ltd", "Perth Mining Supplies Pty Ltd"],
    "SG": ["Lion City Trading Pte Ltd", "Straits Food Distributors Pte Ltd", "Jurong Parts"],
    "IQ": ["Basra Import Company", "Baghdad General Trading"],
    "UZ": ["Tashkent Textile Trade LLC", "Samarkand Agro Import"],
    "BD": ["Dhaka Garments Sourcing Ltd", "Chittagong Trading House", "Sylhet Tea Traders"],
    "LK": ["Colombo Import Agencies", "Kandy Spice Traders", "Galle Marine Supplies"],
}
SLOTS = [(day, hour, minute) for day in (6, 7) for hour in (10, 11, 12, 14) for minute in (0, 30)]


def sellers():
    """300 MSMEs of Pune district (Udyam district code 26), every third with an IEC."""
    for n, (prefix, trade) in enumerate(product(PREFIXES, TRADES)):
        yield {
            "name": f"{prefix} {trade}",
            "kind": "msme",
            "country": "IN",
            "udyam_number": f"UDYAM-MH-26-{1_204_000 + 37 * n:07d}",
            "iec": f"AAB{'CFHKLMPRT'[n % 9]}{'PQRSTUVWXY'[n // 30 % 10]}{4000 + n:04d}X"[:10]
            if n % 3 == 0
            else "",
        }


def buyers():
    for code, names in BUYERS.items():
        for name in names:
            yield {"name": name, "kind": "foreign_buyer", "country": code}


def schedule():
    """500 meetings: each buyer at one table, at most one meeting per firm per slot."""
    seller_list, buyer_list = list(sellers()), list(buyers())
    for i in range(500):
        slot, b = divmod(i, len(buyer_list))
        day, hour, minute = SLOTS[slot]
        seller = seller_list[i % len(seller_list)]
        yield {
            "buyer": buyer_list[b]["name"],
            # Most organisers' sheets give the Udyam number; some give the name.
            "seller": seller["name"] if i % 10 == 9 else seller["udyam_number"],
            "date": datetime.date(2025, 11, day),
            "time": f"{hour:02d}:{minute:02d}",
            "table": f"T{b + 1:02d}",
            "status": "confirmed",
        }


def mous():
    """MoUs between organisations of the demo data and of the participant list.

    The first is the demo data's own MoU (events/demo_data.py MOUS), written
    as load_demo writes it: importing the list over the demo data leaves it
    as it is. Parties are named by name, Udyam number or IEC.
    """
    firms, buyer_names = list(sellers()), [buyer["name"] for buyer in buyers()]
    auto, textiles, deccan, pawana = firms[0], firms[3], firms[30], firms[45]
    pune_meet = "international-buyer-seller-meet-pune-2025"
    yield {
        "title": "MoU for ODOP branding and promotion",
        "purpose": "Branding and promotion of Mumbai's One District One Product (ODOP) products.",
        "activities": (
            "Awareness programmes, industry visits, research and the “One Taluka, Ten "
            "Exporters” initiative."
        ),
        "event": "ignite-2026-mumbai",
        "signed_on": "2026-02-03",
        "status": "signed",
        "value": "",
        "currency": "",
        "parties": "Office of the Joint Director of Industries, Mumbai; "
        "All India Association of Industries; World Trade Centre Mumbai",
    }
    yield {
        "title": "Supply of auto components to the UAE",
        "purpose": "Three years' supply of brake and clutch components.",
        "activities": "Sample approval, a trial order, then quarterly orders.",
        "event": pune_meet,
        "signed_on": "2025-11-07",
        "status": "under_implementation",
        "value": "250000",
        "currency": "USD",
        "parties": f"{buyer_names[0]}; {auto['udyam_number']}",
    }
    yield {
        "title": "Cotton fabrics for Germany",
        "purpose": "Supply of organic cotton fabrics to a German importer.",
        "activities": "",
        "event": pune_meet,
        "signed_on": "2025-11-06",
        # A status may be given by its label, as staff see it.
        "status": "Signed",
        "value": "45,00,000",
        "currency": "INR",
        "parties": f"Bavaria Textil GmbH; {textiles['iec']}",
    }
    yield {
        "title": "Joint participation in Gulf trade fairs",
        "purpose": "Two Pune firms and a Jebel Ali importer share a stand at Gulf fairs.",
        "activities": "",
        "event": "",
        "signed_on": "2025-12-15",
        "status": "signed",
        "value": "",
        "currency": "",
        "parties": f"{deccan['name']}; {pawana['udyam_number']}; Jebel Ali Imports FZE",
    }


def write_csv(path, rows):
    rows = list(rows)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def write_xlsx(path, rows):
    rows = list(rows)
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    book.save(path)


def main():
    write_csv(HERE / "participants-pune.csv", [*sellers(), *buyers()])
    meetings = list(schedule())
    write_csv(HERE / "meetings-pune-500.csv", meetings)
    write_xlsx(HERE / "meetings-pune-500.xlsx", meetings)
    bad = [dict(row) for row in meetings]
    # Row BAD_ROW takes the seller of the row before it, in the same slot.
    bad[BAD_ROW - 1]["seller"] = bad[BAD_ROW - 2]["seller"]
    write_csv(HERE / "meetings-pune-500-one-bad-row.csv", bad)
    write_csv(HERE / "mous.csv", mous())


if __name__ == "__main__":
    main()
