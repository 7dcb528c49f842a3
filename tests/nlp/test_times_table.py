"""Table-driven checks of time normalisation: expressions × reference dates, each with its TIMEX3 value.

Reference days chosen for their edges: Thursday 2025-12-18 (the example's publication day), New Year's Day
2026, leap day 2024-02-29, 2020-12-31 and 2027-01-01 (ISO weeks 2020-W53 and 2026-W53), a Monday and a Sunday
(week edges). Expected values are worked out by hand from the calendar and the TIMEX3 guidelines.
"""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.nlp import load_pipeline
from storyline.nlp.times import extract_times

THU = "2025-12-18"
NEW_YEAR = "2026-01-01"
LEAP = "2024-02-29"
W53 = "2020-12-31"
W53_2026 = "2027-01-01"
MON = "2025-12-22"
SUN = "2025-12-21"
MARCH = "2025-03-10"

# (reference date, sentence, expression text, expected value)
CASES = [
    # absolute dates in news formats
    (THU, "The treaty was signed on December 18, 2025.", "December 18, 2025", "2025-12-18"),
    (THU, "It happened on 18 December 2025 in Kyiv.", "18 December 2025", "2025-12-18"),
    (THU, "The vote was on Dec. 18, 2025.", "Dec. 18, 2025", "2025-12-18"),
    (THU, "Officials met on Thursday, Dec. 18, 2025.", "Thursday, Dec. 18, 2025", "2025-12-18"),
    (THU, "The filing is dated 12/18/2025.", "12/18/2025", "2025-12-18"),
    (THU, "The filing is dated 18/12/2025.", "18/12/2025", "2025-12-18"),
    (THU, "The filing is dated 01/02/2025.", "01/02/2025", "2025-01-02"),
    (THU, "The record says 2025-12-18.", "2025-12-18", "2025-12-18"),
    (THU, "The log shows 2025-12-18T09:30 as the start.", "2025-12-18T09:30", "2025-12-18T09:30"),
    (THU, "The report is dated 2024-02-29.", "2024-02-29", "2024-02-29"),
    (THU, "The invasion began in February 2022.", "February 2022", "2022-02"),
    (THU, "The law changed in Feb. 2022.", "Feb. 2022", "2022-02"),
    (THU, "The law changed in December of 2019.", "December of 2019", "2019-12"),
    (THU, "The company was founded in 1998.", "1998", "1998"),
    (THU, "Prices fell in the 1990s.", "the 1990s", "199"),
    (THU, "Prices fell in the '80s.", "the '80s", "198"),
    (THU, "Growth slowed in the 2010s.", "the 2010s", "201"),
    (THU, "It was built in the 20th century.", "the 20th century", "19"),
    (THU, "This is a problem of the twenty-first century.", "the twenty-first century", "20"),
    (THU, "Revenue is expected in Q3 2026.", "Q3 2026", "2026-Q3"),
    (THU, "Revenue fell in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"),
    (THU, "Sales rose in the first half of 2025.", "the first half of 2025", "2025-H1"),
    (THU, "The budget for fiscal 2025 was cut.", "fiscal 2025", "2025"),
    (THU, "Sales rose 4% in the latest fiscal year.", "the latest fiscal year", "2024"),
    (THU, "Sales fell last fiscal year.", "last fiscal year", "2024"),
    (THU, "Sales will rise next fiscal year.", "next fiscal year", "2026"),
    (THU, "The drought of summer 2024 was severe.", "summer 2024", "2024-SU"),
    (THU, "They married in the summer of 2019.", "the summer of 2019", "2019-SU"),
    (THU, "They married on Christmas 2024.", "Christmas 2024", "2024-12-25"),
    (THU, "The parade was on Thanksgiving 2025.", "Thanksgiving 2025", "2025-11-27"),
    (THU, "Markets were closed on Easter 2024.", "Easter 2024", "2024-03-31"),
    (THU, "Shops will open late in Christmas week.", "Christmas week", "2025-W52"),
    (MARCH, "Pilgrims will arrive for Easter week.", "Easter week", "2025-W16"),
    (THU, "Turnout was high on Election Day.", "Election Day", "2025-11-04"),
    (THU, "Voters will go to the polls on Election Day.", "Election Day", "2026-11-03"),
    (THU, "Turnout was high on Election Day 2022.", "Election Day 2022", "2022-11-08"),
    (THU, "The race was held on Memorial Day 2025.", "Memorial Day 2025", "2025-05-26"),
    (THU, "Workers rallied on Labor Day 2025.", "Labor Day 2025", "2025-09-01"),
    (THU, "He was born in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    (THU, "A bomb went off in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    (THU, "Oil fell to its level in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four",
     "1994-WI"),
    (THU, "It ended in the year two thousand.", "the year two thousand", "2000"),
    # deictic days and parts of days
    (THU, "The minister spoke today.", "today", "2025-12-18"),
    (THU, "The minister spoke yesterday.", "yesterday", "2025-12-17"),
    (THU, "The minister will speak tomorrow.", "tomorrow", "2025-12-19"),
    (THU, "The minister will speak tonight.", "tonight", "2025-12-18TNI"),
    (THU, "The minister spoke this morning.", "this morning", "2025-12-18TMO"),
    (THU, "The minister spoke last night.", "last night", "2025-12-17TNI"),
    (THU, "The minister spoke yesterday afternoon.", "yesterday afternoon", "2025-12-17TAF"),
    (THU, "The minister will speak tomorrow evening.", "tomorrow evening", "2025-12-19TEV"),
    (THU, "Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "2025-12-17TAF"),
    (THU, "By mid afternoon, the shelling had stopped.", "mid afternoon", "2025-12-18TAF"),
    # this / last / next unit
    (THU, "Talks resumed this week.", "this week", "2025-W51"),
    (THU, "Talks stalled last week.", "last week", "2025-W50"),
    (THU, "Talks resume next week.", "next week", "2025-W52"),
    (THU, "A meeting is scheduled for this weekend.", "this weekend", "2025-W51-WE"),
    (THU, "They met last weekend.", "last weekend", "2025-W50-WE"),
    (THU, "They meet next weekend.", "next weekend", "2025-W52-WE"),
    (THU, "Prices rose this month.", "this month", "2025-12"),
    (THU, "Prices rose last month.", "last month", "2025-11"),
    (THU, "Prices will rise next month.", "next month", "2026-01"),
    (THU, "Prices rose this year.", "this year", "2025"),
    (THU, "Prices rose last year.", "last year", "2024"),
    (THU, "Prices will rise next year.", "next year", "2026"),
    (THU, "Profit rose this quarter.", "this quarter", "2025-Q4"),
    (THU, "Profit rose last quarter.", "last quarter", "2025-Q3"),
    (THU, "Profit will rise next quarter.", "next quarter", "2026-Q1"),
    (THU, "Growth was slow this decade.", "this decade", "202"),
    (THU, "Growth was slow last decade.", "last decade", "201"),
    # weekdays: relative words and tense
    (THU, "They met last Friday.", "last Friday", "2025-12-12"),
    (THU, "They meet next Friday.", "next Friday", "2025-12-19"),
    (THU, "They met last Thursday.", "last Thursday", "2025-12-11"),
    (THU, "They meet next Thursday.", "next Thursday", "2025-12-25"),
    (THU, "On March 4, 2020, it fell 5% from the previous Friday.", "the previous Friday", "2020-02-28"),
    # "the day before/after" a date is one expression anchored to it
    (THU, "The day before last Tuesday's hearing, talks failed.", "The day before last Tuesday",
     "2025-12-15"),
    (THU, "Crowds gathered the day after Christmas 2024.", "the day after Christmas 2024", "2024-12-26"),
    # a story keeps to its day across paragraphs: anaphora reach back past a paragraph break
    (THU, "London shares fell Tuesday.\nThe index closed 4% below the previous Tuesday.",
     "the previous Tuesday", "2025-12-09"),
    (THU, "Rebels entered the city on March 3, 2020.\nThey left two days later.", "two days later",
     "2020-03-05"),
    (THU, "He resigned on Tuesday.", "Tuesday", "2025-12-16"),
    (THU, "She will travel to Paris on Tuesday.", "Tuesday", "2025-12-23"),
    (THU, "He spoke to reporters on Thursday.", "Thursday", "2025-12-18"),
    # a day word before an era's people or things means the era; before the day's events, the day
    (THU, "The case is for today's youth what the revolution was for theirs.", "today", "PRESENT_REF"),
    (THU, "Chips run many of today's personal computers.", "today", "PRESENT_REF"),
    (THU, "Costs are high in today's dollars.", "today", "PRESENT_REF"),
    (THU, "They will train tomorrow's leaders.", "tomorrow", "FUTURE_REF"),
    # after a modal and before its verb, ``one day`` is some day ahead; elsewhere a day long
    (THU, "Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
    (THU, "Fusion could one day replace oil.", "one day", "FUTURE_REF"),
    (THU, "The wait will be one day longer.", "one day", "P1D"),
    (THU, "He had only been in the job one day.", "one day", "P1D"),
    (THU, "The offer ran in today's editions of the paper.", "today", THU),
    (THU, "Now for today's geography quiz.", "today", THU),
    (THU, "They met on Saturday.", "Saturday", "2025-12-13"),
    (THU, "They will meet on Saturday.", "Saturday", "2025-12-20"),
    (THU, "He will speak on Thursday.", "Thursday", "2025-12-18"),
    (THU, "The rebels attacked on Monday night.", "Monday night", "2025-12-15TNI"),
    # months and days without a year, by tense
    (THU, "They met last April.", "last April", "2025-04"),
    (THU, "They will meet next April.", "next April", "2026-04"),
    (THU, "They met last December.", "last December", "2024-12"),
    (THU, "Prices rose in March.", "March", "2025-03"),
    (THU, "Elections will be held in March.", "March", "2026-03"),
    (THU, "The deal was signed in December.", "December", "2025-12"),
    (THU, "In May Congress passed the bill.", "May", "2025-05"),
    (THU, "He met June Carter in June.", "June", "2025-06"),
    (THU, "Prices rose in Jan. Analysts said demand fell.", "Jan.", "2025-01"),
    (THU, "The law was passed on March 3.", "March 3", "2025-03-03"),
    (THU, "The vote will be held on March 3.", "March 3", "2026-03-03"),
    (THU, "They celebrated on Nov. 25.", "Nov. 25", "2025-11-25"),
    (THU, "They celebrated on Feb. 25.", "Feb. 25", "2025-02-25"),
    (THU, "The company set Jan. 10 as the deadline.", "Jan. 10", "2026-01-10"),
    (THU, "He was shot to death last Oct. 23 at his home.", "last Oct. 23", "2025-10-23"),
    (THU, "Talks resume next Jan. 5.", "next Jan. 5", "2026-01-05"),
    (THU, "He was killed last Dec. 20.", "last Dec. 20", "2024-12-20"),
    (THU, "Officials gave no reason for the Dec. 31 deadline.", "Dec. 31", "2025-12-31"),
    (THU, "The board gave the bidder until mid-January to respond.", "mid-January", "2026-01"),
    (THU, "The vote was held in January.", "January", "2025-01"),
    (MON, "The offer was extended until 9 a.m. Tuesday.", "9 a.m. Tuesday", "2025-12-23T09:00"),
    (THU, "The deadline was extended until Dec. 30.", "Dec. 30", "2025-12-30"),
    (THU, "The dividend was declared, payable Jan. 15.", "Jan. 15", "2026-01-15"),
    (THU, "Prices fell in June last year.", "June last year", "2024-06"),
    (THU, "Exports rose in January this year.", "January this year", "2025-01"),
    (THU, "The court ruled on 3 March.", "3 March", "2025-03-03"),
    (THU, "The ceasefire began on the 5th of May.", "the 5th of May", "2025-05-05"),
    # offsets
    (THU, "The deal collapsed two days ago.", "two days ago", "2025-12-16"),
    (THU, "The deal collapsed three weeks ago.", "three weeks ago", "2025-11-27"),
    (THU, "The deal collapsed a year ago.", "a year ago", "2024"),
    (THU, "The deal collapsed six months ago.", "six months ago", "2025-06"),
    (THU, "The deal collapsed 10 days ago.", "10 days ago", "2025-12-08"),
    (THU, "Then, a week or so ago, the general flew to Riyadh.", "a week or so ago", "2025-12-11"),
    (THU, "The plant opens two years from now.", "two years from now", "2027"),
    (THU, "A decade ago the town was empty.", "A decade ago", "2015"),
    (THU, "Profit rose 5% in the third quarter from a year earlier.", "a year earlier", "2024-Q3"),
    (THU, "Profit rose 5% in the third quarter from a year earlier.", "the third quarter", "2025-Q3"),
    (THU, "Profit rose in the third quarter from the year-ago period.", "the year-ago period", "2024-Q3"),
    # a results report: later comparisons and "the quarter" refer back to the quarter it is about
    (THU, "Profit rose in the third quarter. Sales fell from a year ago.", "a year ago", "2024-Q3"),
    (THU, "Profit rose in the third quarter. Sales rose in the quarter.", "the quarter", "2025-Q3"),
    (THU, "Profit rose in the third quarter. Costs fell in the year-ago quarter.", "the year-ago quarter",
     "2024-Q3"),
    (THU, "Revenue rose in the latest quarter.", "the latest quarter", "2025-Q3"),
    (THU, "Profit fell in the third quarter. Hiring will slow in the current quarter.", "the current quarter",
     "2025-Q4"),
    (THU, "Profit fell in the 2024 third quarter.", "the 2024 third quarter", "2024-Q3"),
    (THU, "Profit fell in the year-ago third quarter.", "the year-ago third quarter", "2024-Q3"),
    (THU, "Sales rose in the third quarter. U.K. sales for last year's quarter fell.", "last year's quarter",
     "2024-Q3"),
    (THU, "The merger could close in next year's first quarter.", "next year's first quarter", "2026-Q1"),
    (THU, "The company will report third-quarter results.", "third-quarter", "2025-Q3"),
    (THU, "Sales will recover in the second quarter.", "the second quarter", "2026-Q2"),
    (THU, "Profit rose in the third quarter. In the 2024 period, it fell.", "the 2024 period", "2024-Q3"),
    (THU, "Costs rose in the 2024 period.", "the 2024 period", "2024"),
    # a span of months (a running total) compares with the whole year before, as TimeBank values it
    (THU, "For the nine months, net rose from $2 billion a year earlier.", "a year earlier", "2024"),
    (THU, "Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "P9M"),
    (THU, "Profit rose in the third quarter. For the nine months, net fell from a year ago.", "a year ago",
     "2024"),
    (THU, "In the first nine months, net fell from the 2024 period.", "the 2024 period", "2024"),
    (NEW_YEAR, "For the first six months, sales rose from a year earlier.", "a year earlier", "2025"),
    (THU, "Profit rose in the third quarter. For the nine months, it was flat. Sales fell from a year ago.",
     "a year ago", "2024-Q3"),
    # only the year-ago idiom compares periods: a longer span back dates an event from publication
    (THU, "Rallies in early December were the largest since the revolution 41 years ago.", "41 years ago",
     "1984"),
    (THU, "Profit rose in the third quarter. The unit was founded 10 years ago.", "10 years ago", "2015"),
    (THU, "Earnings will fall in the last half of 2025.", "the last half of 2025", "2025-H2"),
    # anaphora: "that year", "the following month" refer back to the latest date of that precision
    (THU, "A doctor was shot last October. His name was crossed out that same day.", "that same day",
     "2025-10-XX"),
    (THU, "Imports rose in 2019. Exports fell that year.", "that year", "2019"),
    (THU, "He fled in June 2019 and came back later that year.", "later that year", "2019"),
    (THU, "A bid came in March 2019. The following month, it was sold.", "The following month", "2019-04"),
    (THU, "The bid came on March 3, 2019. Shares fell that day.", "that day", "2019-03-03"),
    # "the year ended June 30": an accounting year named by its end is a duration (TimeBank)
    (THU, "Net income for the year ended June 30 rose.", "the year", "P1Y"),
    (THU, "Sales in the fiscal year ending March 31 fell.", "the fiscal year", "P1Y"),
    # durations
    (THU, "After their intensive two-day talks, they left.", "two-day", "P2D"),
    (THU, "They held a 16-hour session.", "16-hour", "PT16H"),
    (THU, "The war lasted three years.", "three years", "P3Y"),
    (THU, "The war lasted a decade.", "a decade", "P10Y"),
    (THU, "The meeting lasted half an hour.", "half an hour", "PT30M"),
    (THU, "He will stay for two more weeks.", "two more weeks", "P2W"),
    (THU, "The index lagged for eight trading days.", "eight trading days", "P8D"),
    (THU, "The meeting lasted a year and a half.", "a year and a half", "P1Y6M"),
    (THU, "The project took two and a half years.", "two and a half years", "P2Y6M"),
    (THU, "They lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    (THU, "She spent 5 1/2 hours in Nairobi.", "5 1/2 hours", "PT5H30M"),
    (THU, "A minute and a half later, a pilot called.", "A minute and a half", "PT1M30S"),
    (THU, "The talks lasted several months.", "several months", "PXM"),
    (THU, "The job followed a several-year tenure abroad.", "several-year", "PXY"),
    (THU, "Lawyers left their third day-long meeting.", "day-long", "P1D"),
    (THU, "Police ended a months-long standoff.", "a months-long", "PXM"),
    (THU, "Prices rose over the past two months.", "the past two months", "P2M"),
    (THU, "Profit rose in the first nine months.", "the first nine months", "P9M"),
    (THU, "He waited five minutes.", "five minutes", "PT5M"),
    (THU, "In the last twenty-four hours prices fell.", "the last twenty-four hours", "PT24H"),
    (THU, "They stayed a few days.", "a few days", "PXD"),
    (THU, "Prices have risen in recent years.", "recent years", "PXY"),
    (THU, "Prices rose over the past year.", "the past year", "P1Y"),
    (THU, "They stayed two weeks.", "two weeks", "P2W"),
    (THU, "The director will step down within a year.", "a year", "P1Y"),
    (THU, "They have argued for years.", "years", "PXY"),
    (THU, "Talks dragged on for weeks.", "weeks", "PXW"),
    (THU, "Profit fell in the latest period.", "the latest period", "2025-Q3"),
    (THU, "The 10-year bond rallied.", "10-year", "P10Y"),
    # sets
    (THU, "They meet every week.", "every week", "P1W"),
    (THU, "Marchers parade each July.", "each July", "XXXX-07"),
    (THU, "They meet every day.", "every day", "P1D"),
    (THU, "The paper is published daily.", "daily", "P1D"),
    (THU, "The report is published weekly.", "weekly", "P1W"),
    (THU, "The fee is paid annually.", "annually", "P1Y"),
    (THU, "The council meets every Friday.", "every Friday", "XXXX-WXX-5"),
    (THU, "The market is closed on Mondays.", "Mondays", "XXXX-WXX-1"),
    (THU, "Two flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    (THU, "The show airs Sunday mornings.", "Sunday mornings", "XXXX-WXX-7TMO"),
    (THU, "The board meets twice a year.", "twice a year", "P1Y"),
    (THU, "The bus comes every two weeks.", "every two weeks", "P2W"),
    (THU, "They water the plants every other day.", "every other day", "P2D"),
    (THU, "The plant will make 10,000 cars a year.", "a year", "P1Y"),
    (THU, "The deal saves $2 million a month.", "a month", "P1M"),
    (THU, "The route adds 700 seats a week.", "a week", "P1W"),
    # document-time references
    (THU, "The talks are now in their final phase.", "now", "PRESENT_REF"),
    (THU, "He recently returned from Kyiv.", "recently", "PAST_REF"),
    (THU, "Nobody knows what the future holds.", "the future", "FUTURE_REF"),
    (THU, "He is currently in Kyiv.", "currently", "PRESENT_REF"),
    (THU, "Prosecutors may soon seek an indictment.", "soon", "FUTURE_REF"),
    (THU, "The sale is scheduled to close Monday.", "Monday", "2025-12-22"),
    (THU, "Trading in Paris is to resume Tuesday.", "Tuesday", "2025-12-23"),
    (THU, "The budget will soon move into surplus.", "soon", "FUTURE_REF"),
    (THU, "The company will seek more financing at a later date.", "a later date", "FUTURE_REF"),
    (THU, "The hearing will resume at a future date.", "a future date", "FUTURE_REF"),
    # times of day
    (THU, "The summit starts at 3 p.m. today.", "3 p.m. today", "2025-12-18T15:00"),
    (THU, "The summit started at 9:30 a.m. EST.", "9:30 a.m. EST", "2025-12-18T09:30"),
    (THU, "The summit started at noon.", "noon", "2025-12-18T12:00"),
    (THU, "The curfew starts at midnight.", "midnight", "2025-12-18T24:00"),
    (THU, "They met Friday at 3 p.m.", "3 p.m.", "2025-12-12T15:00"),
    (THU, "The strike began at 15:00 GMT.", "15:00 GMT", "2025-12-18T15:00"),
    (THU, "The shooting started at 12 a.m.", "12 a.m.", "2025-12-18T00:00"),
    (THU, "Lunch was at 12 p.m.", "12 p.m.", "2025-12-18T12:00"),
    (THU, "The offer expires at 5 p.m. EST, Dec. 19.", "5 p.m. EST, Dec. 19", "2025-12-19T17:00"),
    (THU, "The polls closed at noon Tuesday.", "noon Tuesday", "2025-12-16T12:00"),
    (THU, "The talks broke up at ten in the evening.", "ten in the evening", "2025-12-18T22:00"),
    (THU, "He will leave at 4 in the morning (4 a.m. EST Friday).", "4 in the morning", "2025-12-19T04:00"),
    # a time given again in another zone, in brackets, shares the day that follows the brackets
    (THU, "The blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "2025-12-12T10:35"),
    (THU, "The blast came at 10:35 a.m. (0735 GMT) Friday.", "0735 GMT", "2025-12-12T07:35"),
    # seasons
    (THU, "Prices will fall this summer.", "this summer", "2025-SU"),
    (THU, "Prices fell last summer.", "last summer", "2025-SU"),
    (THU, "Prices will fall next summer.", "next summer", "2026-SU"),
    (THU, "The party plans a congress this spring.", "this spring", "2025-SP"),
    (THU, "Sales slowed over the summer.", "the summer", "2025-SU"),
    (THU, "Orders have risen from the low levels of the early summer.", "early summer", "2025-SU"),
    (THU, "Work will resume in late spring.", "late spring", "2026-SP"),
    (THU, "Sales will recover in the spring.", "the spring", "2026-SP"),
    (THU, "Profit should rise for the full year.", "the full year", "2025"),
    (THU, "The deal should close by year-end.", "year-end", "2025"),
    (THU, "Rules should be in place by year's end.", "year's end", "2025"),
    (THU, "We don't minimize the challenges of the near term.", "the near term", "FUTURE_REF"),
    # year boundary: New Year's Day 2026 (a Thursday)
    (NEW_YEAR, "The ceasefire failed yesterday.", "yesterday", "2025-12-31"),
    (NEW_YEAR, "The ceasefire failed last week.", "last week", "2025-W52"),
    (NEW_YEAR, "The ceasefire holds this week.", "this week", "2026-W01"),
    (NEW_YEAR, "The ceasefire failed last month.", "last month", "2025-12"),
    (NEW_YEAR, "The ceasefire failed last year.", "last year", "2025"),
    (NEW_YEAR, "A vote is scheduled for this weekend.", "this weekend", "2026-W01-WE"),
    (NEW_YEAR, "Profit fell last quarter.", "last quarter", "2025-Q4"),
    (NEW_YEAR, "The shares fell in December.", "December", "2025-12"),
    (NEW_YEAR, "On Dec. 30 the index fell.", "Dec. 30", "2025-12-30"),
    (NEW_YEAR, "They met last Friday.", "last Friday", "2025-12-26"),
    (NEW_YEAR, "They meet next Monday.", "next Monday", "2026-01-05"),
    (NEW_YEAR, "The index will open tomorrow.", "tomorrow", "2026-01-02"),
    (NEW_YEAR, "The index fell a week ago.", "a week ago", "2025-12-25"),
    (NEW_YEAR, "Profit rose in the fourth quarter.", "the fourth quarter", "2025-Q4"),
    (NEW_YEAR, "They met last December.", "last December", "2025-12"),
    (NEW_YEAR, "Sales rose in the 2020s.", "the 2020s", "202"),
    # leap years
    (LEAP, "The vote will be held tomorrow.", "tomorrow", "2024-03-01"),
    (LEAP, "The vote was held yesterday.", "yesterday", "2024-02-28"),
    (LEAP, "The vote was held a year ago.", "a year ago", "2023"),
    (LEAP, "Prices rose last month.", "last month", "2024-01"),
    (LEAP, "Prices will rise next month.", "next month", "2024-03"),
    (LEAP, "Prices rose this week.", "this week", "2024-W09"),
    (LEAP, "It rained one month ago.", "one month ago", "2024-01"),
    (MARCH, "The last leap day was Feb. 29.", "Feb. 29", "2024-02-29"),
    (MARCH, "The council met on Feb. 28.", "Feb. 28", "2025-02-28"),
    # ISO week 53
    (W53, "Trading is thin this week.", "this week", "2020-W53"),
    (W53, "Trading resumes next week.", "next week", "2021-W01"),
    (W53, "A rally is planned for this weekend.", "this weekend", "2020-W53-WE"),
    (W53, "Trading was thin last week.", "last week", "2020-W52"),
    (W53, "Trading resumes tomorrow.", "tomorrow", "2021-01-01"),
    (W53, "Trading will resume next month.", "next month", "2021-01"),
    (W53_2026, "Trading was thin this week.", "this week", "2026-W53"),
    (W53_2026, "Trading was thin last week.", "last week", "2026-W52"),
    (W53_2026, "He spoke on Thursday.", "Thursday", "2026-12-31"),
    # week edges: a Monday and a Sunday
    (MON, "Talks continue this week.", "this week", "2025-W52"),
    (MON, "A summit is scheduled for this weekend.", "this weekend", "2025-W52-WE"),
    (MON, "They met last weekend.", "last weekend", "2025-W51-WE"),
    (MON, "He said on Sunday that talks failed.", "Sunday", "2025-12-21"),
    (MON, "She will arrive on Friday.", "Friday", "2025-12-26"),
    # a plan made (present perfect, passive) is for a day ahead; a plan that had been made may be over
    (MON, "The White House has scheduled a news conference Thursday.", "Thursday", "2025-12-25"),
    (MON, "Officials have set a vote for Friday.", "Friday", "2025-12-26"),
    (MON, "The vote has been scheduled for Wednesday.", "Wednesday", "2025-12-24"),
    (MON, "A hearing is scheduled for Tuesday.", "Tuesday", "2025-12-23"),
    (MON, "The company has said Thursday that it would cut jobs.", "Thursday", "2025-12-18"),
    (MON, "They met last Monday.", "last Monday", "2025-12-15"),
    # "later"/"earlier" count from the time last named: a year named counts for years
    (THU, "It began in 2015. Five years later, villagers avoid the forest.", "Five years later", "2020"),
    (THU, "The operation was meant to last a few months.", "a few months", "PXM"),  # ``last`` a verb
    (MON, "The hotel is fully booked at weekends.", "weekends", "XXXX-WXX-WE"),
    # a day right after a verb of saying dates the saying, even where the parser joins it to what follows
    (MON, "Netanyahu said Sunday Israel will continue to allow freedom of worship.", "Sunday", "2025-12-21"),
    # a plan told in the bare past may be for a day just ahead or just gone: the nearest one
    (THU, "Protesters planned a large rally on Saturday.", "Saturday", "2025-12-20"),
    (SUN, "A memorial service planned for Saturday was cancelled.", "Saturday", "2025-12-20"),
    (THU, "On Tuesday, the government planned to pay the first claims.", "Tuesday", "2025-12-16"),
    # a bare -ing clause happens when the verb it hangs on does
    (MARCH, "The stock has fluctuated sharply, falling to a low in August.", "August", "2024-08"),
    # after a deadline cue only a future or a verb of deferral says which way the date lies
    (THU, "The airline will double its flights by August.", "August", "2026-08"),
    (MON, "The vote was postponed until Friday.", "Friday", "2025-12-26"),
    (MON, "The offer had been due to expire Friday evening.", "Friday evening", "2025-12-19TEV"),
    (MON, "They meet next Sunday.", "next Sunday", "2025-12-28"),
    (SUN, "Talks continued this week.", "this week", "2025-W51"),
    (SUN, "Rallies were held this weekend.", "this weekend", "2025-W51-WE"),
    (SUN, "Talks will resume on Monday.", "Monday", "2025-12-22"),
    (SUN, "Talks broke down on Monday.", "Monday", "2025-12-15"),
    (SUN, "They met last Sunday.", "last Sunday", "2025-12-14"),
    (SUN, "They rested over the weekend.", "the weekend", "2025-W51-WE"),
    # no reference date: relative values stay unresolved, absolute ones do not need one
    (None, "The minister spoke yesterday.", "yesterday", None),
    (None, "Fathers matter in today's world.", "today", "PRESENT_REF"),
    (None, "He resigned on Friday.", "Friday", None),
    (None, "They celebrated on December 25.", "December 25", "XXXX-12-25"),
    (None, "Prices rose in March.", "March", "XXXX-03"),
    (None, "The record says 2025-12-18.", "2025-12-18", "2025-12-18"),
    (None, "The invasion began in February 2022.", "February 2022", "2022-02"),
    (None, "The talks lasted two days.", "two days", "P2D"),
    (None, "Prices rose last year.", "last year", None),
    (None, "The summit started at 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00"),
]  # fmt: skip

# (sentence, expression text, expected mod) against THU
MODIFIED = [
    ("Talks stalled in late November.", "late November", "END"),
    ("Elections are expected early next year.", "early next year", "START"),
    ("The plant closed in mid-2024.", "mid-2024", "MID"),
    ("By mid afternoon, the shelling had stopped.", "mid afternoon", "MID"),
    ("Work will resume in late spring.", "late spring", "END"),
    ("The flight lasted about three hours.", "about three hours", "APPROX"),
    ("The siege lasted more than two years.", "more than two years", "MORE_THAN"),
    ("Payment is due at the end of the month.", "the end of the month", "END"),
    ("Prices rose earlier this year.", "earlier this year", "START"),
    ("Work starts at the beginning of 2026.", "the beginning of 2026", "START"),
    ("The war lasted nearly a decade.", "nearly a decade", "LESS_THAN"),
    ("They met around 7:15 p.m.", "around 7:15 p.m.", "APPROX"),
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Settings().spacy_model)


def _find(nlp, sentence: str, reference: str | None, text: str, locale: str = "US"):
    times = extract_times(nlp(sentence), reference, locale=locale)
    matching = [t for t in times if t.text == text]
    assert matching, f"{text!r} not found in {sentence!r}: got {[t.text for t in times]}"
    return matching[0]


def test_cases_cover_enough_expressions():
    assert len(CASES) >= 150


@pytest.mark.parametrize(("reference", "sentence", "text", "value"), CASES)
def test_extract_times_normalises(nlp, reference, sentence, text, value):
    found = _find(nlp, sentence, reference, text)
    assert found.value == value
    assert sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(("sentence", "text", "mod"), MODIFIED)
def test_extract_times_reads_modifiers(nlp, sentence, text, mod):
    assert _find(nlp, sentence, THU, text).mod == mod


def test_extract_times_reads_day_first_dates_in_eu_locale(nlp):
    assert _find(nlp, "The filing is dated 01/02/2025.", THU, "01/02/2025", locale="EU").value == "2025-02-01"


def test_extract_times_rejects_impossible_dates(nlp):
    times = extract_times(nlp("The form says 2023-02-29 and 31/31/2020."), THU)
    assert [t.value for t in times if t.value and t.value.startswith(("2023-02", "2020"))] == []


def test_extract_times_flags_fiscal_years(nlp):
    assert _find(nlp, "The budget for fiscal 2025 was cut.", THU, "fiscal 2025").flags == ["fiscal"]


def test_extract_times_marks_ranges(nlp):
    weekdays = extract_times(nlp("The talks will run from Monday to Wednesday."), THU)
    years = extract_times(nlp("Output fell between 2019 and 2021."), THU)
    assert [(t.range_start, t.range_end) for t in weekdays] == [("2025-12-22", "2025-12-24")] * 2
    assert [(t.range_start, t.range_end) for t in years] == [("2019", "2021")] * 2


def test_extract_times_types_and_anchoring(nlp):
    by_text = {
        t.text: t for t in extract_times(nlp("Yesterday they talked for two days, and meet daily."), THU)
    }
    assert (by_text["Yesterday"].type, by_text["Yesterday"].anchored) == ("DATE", True)
    assert (by_text["two days"].type, by_text["two days"].anchored) == ("DURATION", False)
    assert by_text["daily"].type == "SET"
    assert by_text["Yesterday"].reference == "publication"
    assert by_text["Yesterday"].granularity == "day"


def test_extract_times_uses_a_story_date_in_narrative_mode(nlp):
    text = "On March 3, 2020, rebels entered the city. Two days later they left, and on Friday they returned."
    by_text = {t.text: t for t in extract_times(nlp(text), THU)}
    assert (by_text["Two days later"].value, by_text["Two days later"].reference) == (
        "2020-03-05",
        "narrative",
    )
    assert (by_text["Friday"].value, by_text["Friday"].reference) == ("2020-03-06", "narrative")


def test_extract_times_dates_reporting_verbs_in_news_time(nlp):
    text = "On March 3, 2020, rebels entered the city, officials said Tuesday."
    assert _find(nlp, text, THU, "Tuesday").value == "2025-12-16"


def test_extract_times_skips_ages_counts_fractions_and_adjectives(nlp):
    text = "The 52-year-old, 61 years old, sent 2000 troops, three-quarters of the army, and quarterly data."
    text += " The army sent 1500 Russian troops."
    text += " He saw the fall of the wall."
    text += " An early fall in prices hurt them."
    text += " The team scored 4 in the morning session."
    times = extract_times(nlp(text), THU)
    assert times == []


# (sentence, expression text, expected TIMEX3 type) against THU
TYPES = [
    ("The plant will make 10,000 cars a year.", "a year", "SET"),
    ("The deal saves $2 million a month.", "a month", "SET"),
    ("The route adds 700 seats a week.", "a week", "SET"),
    ("Officers do dozens of interviews a day.", "a day", "SET"),
    ("The machine handles 15 million instructions per second.", "per second", "SET"),
    ("He stayed in Kyiv for a year.", "a year", "DURATION"),
    ("It takes a day to drive there.", "a day", "DURATION"),
    ("Prices rose 3% in a month.", "a month", "DURATION"),
    ("The hotel is fully booked at weekends.", "weekends", "SET"),
    ("They spent two weekends in Rome.", "two weekends", "DURATION"),
]


@pytest.mark.parametrize(("sentence", "text", "kind"), TYPES)
def test_extract_times_types_rates_as_sets(nlp, sentence, text, kind):
    assert _find(nlp, sentence, THU, text).type == kind


@pytest.mark.parametrize(
    "sentence",
    [
        'Baker said on ABC\'s "This Week" that the talks failed.',
        "He told CBS's 60 Minutes that he would stay.",
        "The film High Noon was shown.",
        "This is VOA Today.",
        "Inspectors were barred from such quarters.",
        "The quarter-to-quarter comparison was hurt by discounts.",
        "Czech Foreign Minister Jan Kavan arrived.",
        "Reporter April Ryan asked a question.",
        "Ministers Bronislaw Geremek of Poland and Jan Kavan of the Czech Republic met.",
    ],
)
def test_extract_times_skips_time_words_in_titles(nlp, sentence):
    assert extract_times(nlp(sentence), THU) == []


def test_extract_times_keeps_a_capitalised_time_word_that_opens_a_sentence(nlp):
    assert _find(nlp, "He left. Today, the talks resume.", THU, "Today").value == THU
    assert _find(nlp, "Officials met on New Year's Day.", THU, "New Year's Day").value == "2026-01-01"


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("He lost his 1996 campaign for re-election.", "1996"),
        ("The company's 1989 operating results improved.", "1989"),
        ("The city hosted the 2000 Olympics.", "2000"),
        ("Analysts were predicting 1990 BellSouth earnings of $3.90 a share.", "1990"),
    ],
)
def test_extract_times_keeps_a_year_that_names_an_event(nlp, sentence, year):
    assert _find(nlp, sentence, THU, year).value == year


def test_extract_times_does_not_let_a_date_naming_a_thing_set_the_story_time(nlp):
    text = (
        "Two agents were charged in the Dec. 21, 1988, bombing of a jet. "
        "They were removed from the list after Libya agreed in April to hand them over."
    )
    assert _find(nlp, text, "1999-06-07", "April").value == "1999-04"


def test_extract_times_reads_a_holiday_only_by_its_capitalised_name(nlp):
    assert extract_times(nlp("Nobody knows when the country's election day will be."), THU) == []


def test_extract_times_leaves_may_the_verb_alone(nlp):
    assert extract_times(nlp("Officials may march on the capital."), THU) == []


def test_extract_times_skips_signals_and_a_future_reference_in_a_past_clause(nlp):
    text = "They will leave as soon as the threats end. He was soon released, soon after the talks."
    assert extract_times(nlp(text), THU) == []
