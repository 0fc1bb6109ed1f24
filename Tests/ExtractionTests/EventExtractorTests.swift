import EventModel
import Extraction
import Foundation
import Testing

struct EventExtractorTests {
    private let extractor = EventExtractor()

    private func article(_ text: String, published: String? = "2025-03-15") -> Article {
        Article(
            metadata: ArticleMetadata(
                id: ArticleID("test"), published: published, publishedSource: .commandLine),
            text: text)
    }

    private func seed(_ name: String) throws -> Article {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        var text = try String(contentsOf: url, encoding: .utf8)
        // The text as Ingest gives it: paragraphs apart, boilerplate lines gone (Ingest's own tests check that).
        text = text.components(separatedBy: "\n").filter {
            !$0.hasPrefix("Leave a Reply") && !$0.hasPrefix("Your email")
        }
        .joined(separator: "\n")
        return article(text)
    }

    @Test func theSeedStoryGivesItsRequiredEvents() throws {
        let events = extractor.extract(from: try seed("000_0b0464a6efbcf63f.txt"))
        func find(_ kind: EventKind, _ place: String) -> Event? {
            events.first { $0.kind == kind && $0.location?.name == place }
        }
        let capture = try #require(find(.territoryCaptured, "Sudzha"))
        #expect(capture.location?.precision == .near)
        #expect(capture.date == EventDate.day("2025-03-15", text: "Saturday"))
        #expect(capture.quantities?["villages"] == 2)
        #expect(capture.claim.status == .claimed)
        #expect(capture.acled?.subEventType == "Government regains territory")

        let missiles = try #require(events.first { $0.kind == .missileStrike })
        #expect(missiles.location?.name == "Kryvyy Rih")
        #expect(missiles.date.start == "2025-03-14" && missiles.date.end == "2025-03-15")
        #expect(missiles.casualties?.injured?.value == 14)
        #expect(missiles.casualties?.injured?.children == 2)
        #expect(missiles.weapons.contains { $0.weaponClass == .ballisticMissile && $0.count == 2 })
        #expect(missiles.targets.contains("residential"))

        let drones = try #require(
            events.first { $0.kind == .droneStrike && $0.location?.precision == .country })
        #expect(drones.location?.country == "UA")
        #expect(drones.weapons.contains { $0.weaponClass == .drone && $0.count == 178 })

        let shelling = try #require(find(.shelling, "Sumy Oblast"))
        #expect(shelling.quantities?["explosions"] == 161)
        #expect(find(.droneStrike, "Sumy") != nil)

        let incursion = try #require(events.first { $0.kind == .incursion })
        #expect(incursion.date.start == "2025-03-14")
        #expect(incursion.outcome == .repelled)
        #expect(incursion.location?.admin1 == "Sumy Oblast")
    }

    @Test func nothingIsReportedFromPlansThreatsAndStandingSituations() {
        let text = """
            Moscow is pressing its offensive to retake the full territory of the region.

            Russia threatened to strike Kyiv if the talks fail. Officials will meet on Monday to discuss a possible cease-fire.

            The fighting has been fiercest of late in the Kursk region.
            """
        #expect(extractor.extract(from: article(text)).isEmpty)
    }

    @Test func aDeniedCaptureIsNotAnEvent() {
        let text = "A brigade spokesman denied on Tuesday that the town had been captured by Russian forces."
        #expect(extractor.extract(from: article(text)).filter { $0.kind == .territoryCaptured }.isEmpty)
    }

    @Test func thePeopleTakenAreCountedOneByOneAndAcrossTwoVerbs() {
        let cases: [(String, Int)] = [
            ("Security forces captured a Taliban leader in Nahr-e Saraj district on Friday.", 1),
            ("Troops arrested an insurgent and seized weapons in Kandahar on Friday.", 1),
            ("Police detained nine suspects in Nahr-e Saraj district on Friday.", 9),
            (
                "A security force captured a Taliban leader and detained nine suspects in Helmand province on Friday.",
                10
            ),
            ("Police arrested three men and detained two women in Lagos on Friday.", 5),
        ]
        for (text, taken) in cases {
            let arrests = extractor.extract(from: article(text)).filter { $0.kind == .arrest }
            #expect(arrests.map { $0.casualties?.captured?.value } == [taken], "\(text)")
        }
    }

    @Test func eventIdsAreStableAndSourcesPointIntoTheText() throws {
        let text =
            "A Russian drone struck a minibus near Kherson on Friday, killing two people, officials said."
        let first = extractor.extract(from: article(text))
        let again = extractor.extract(from: article(text))
        #expect(first.map(\.id) == again.map(\.id))
        let event = try #require(first.first)
        #expect(event.kind == .droneStrike)
        #expect(event.location?.name == "Kherson" && event.location?.precision == .near)
        #expect(event.date == EventDate.day("2025-03-14", text: "Friday"))
        #expect(event.casualties?.killed?.value == 2)
        let span = try #require(event.sources.first?.span)
        let bytes = Array(text.utf8)[span[0]..<span[1]]
        #expect(String(decoding: bytes, as: UTF8.self) == event.sources.first?.quote)
        #expect((0...1).contains(event.confidence))
        #expect(!event.confidenceFactors.isEmpty)
    }

    @Test func withoutAPublicationDateRelativeDatesStayUnresolved() throws {
        let text = "Russian artillery shelled Kherson on Saturday, killing one civilian, the governor said."
        let event = try #require(extractor.extract(from: article(text, published: nil)).first)
        #expect(event.kind == .shelling)
        #expect(event.date.start == nil)
        #expect(event.date.precision == .unknown)
    }

    @Test func inAnUndatedCopyAWeekdayAfterAnExplicitDateStaysUnknown() throws {
        let texts = [
            "On March 3, 2025, militants attacked a police post in Bannu, killing two officers.\n\nOn Sunday, drones struck a fuel depot in Kursk.",
            "Rebels shelled Goma on 12 May 2024, killing four people.\n\nGunmen killed three farmers near Beni on Tuesday.",
            "Police arrested five protesters in Dhaka on January 9, 2025. On Friday, an air strike hit a market in Khartoum.",
        ]
        for text in texts {
            let events = extractor.extract(from: article(text, published: nil))
            #expect(events.count == 2, "\(text)")
            // The explicit date is kept; the weekday, which only the report's date would fix, is not
            // given the narrative's day.
            #expect(events.first?.date.precision == .day, "\(text)")
            #expect(events.last?.date.start == nil && events.last?.date.precision == .unknown, "\(text)")
        }
    }

    @Test func theDatelineIsWhereTheStoryWasFiledNotWhereItHappened() throws {
        let text = """
            NAIROBI, March 3 (Wire) - A roadside bomb near Garissa killed four soldiers on Sunday, police said.
            """
        let event = try #require(extractor.extract(from: article(text, published: "2025-03-03")).first)
        #expect(event.location?.name == "Garissa")
        #expect(event.location?.precision == .near)
    }

    @Test func anOriginIsNotThePlaceEvenWithItsCountry() throws {
        let text = """
            Explosions shook Sumy on Monday evening, the mayor said.

            The missiles were launched from the Kursk region of Russia, the air force said, killing two people.
            """
        let events = extractor.extract(from: article(text))
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.location?.country == "UA" }, "\(events.map { $0.location?.name })")
    }

    @Test func aQuotedStatementWithFiguresIsReportedAndAJudgementIsNot() throws {
        let statement = """
            “Airstrikes by the army in the Gedo region have killed at least 20 militants,” the ministry said in a statement.
            """
        let events = extractor.extract(from: article(statement))
        #expect(events.contains { $0.kind == .airStrike && $0.location?.precision == .region })
        let judgement = "\"This massacre is a tragic sign of the collapse of order,\" the senator wrote."
        #expect(extractor.extract(from: article(judgement)).isEmpty)
    }

    @Test func anAccusationOfAListOfDeedsIsNoEvent() {
        let text =
            "The government accuses the militia of killing, kidnapping, raping and looting in the villages."
        #expect(extractor.extract(from: article(text)).isEmpty)
    }

    @Test func speakingAtAMeetingIsAStatementNotDiplomacy() {
        let text =
            "Speaking at a Security Council meeting on Thursday, the envoy said the border must stay open."
        #expect(extractor.extract(from: article(text)).allSatisfy { $0.kind != .diplomacy })
    }

    @Test func peopleHeldSinceADatedEventAreAStateNotAnArrest() {
        let text = "The men accused of the attack on the airport on March 2 are also detained there."
        #expect(extractor.extract(from: article(text)).allSatisfy { $0.kind != .arrest })
    }

    @Test func thatAttackIsNewsOfTheEventJustTold() throws {
        let text = """
            A roadside bomb exploded near a bus outside Bunia on Tuesday, residents said.

            No one was hurt in that attack because the bus was empty, a local official said.
            """
        let events = extractor.extract(from: article(text))
        #expect(events.count == 1, "\(events.map(\.kind))")
        let event = try #require(events.first)
        #expect(event.kind == .explosiveDevice)
        #expect(event.location?.name == "Bunia")
        #expect(event.casualties?.injured?.value == 0, "no one hurt is zero, not one")
    }

    @Test func theBlastIsTheExplosionJustToldAndTheClearanceOperationIsNot() throws {
        let text = """
            A bomb exploded at a market in Maiduguri on Sunday evening, killing four people, police said.

            The blast happened at about 7:30 p.m. near the bus station.

            Troops launched a clearance operation in the area on Sunday, the army said.
            """
        let events = extractor.extract(from: article(text))
        #expect(events.filter { $0.kind == .explosiveDevice }.count == 1, "\(events.map(\.kind))")
        #expect(events.contains { $0.kind == .armedClash })
    }

    @Test func violenceWithoutAPlaceIsAtTheSceneNotWhereAVisitWas() throws {
        let text = """
            Militants attacked a passenger train near Sibi on Tuesday, officials said. \
            During a visit to Quetta on Thursday, the prime minister met the families. \
            Troops ended the clearance operation on Wednesday night, the army said.
            """
        let events = extractor.extract(from: article(text))
        let clearance = try #require(events.first { $0.kind == .armedClash })
        #expect(clearance.location?.name == "Sibi")
    }

    @Test func aDistrictIsPreferredToItsProvince() throws {
        let text =
            "A suicide bomber struck a military convoy in Balochistan's Kalat district on Friday, killing two soldiers."
        let event = try #require(extractor.extract(from: article(text)).first)
        #expect(event.location?.precision == .region)
        #expect(event.location?.name.hasPrefix("Kalat") == true)
    }
}

extension EventExtractorTests {
    @Test func aLaterRetellingOfTheDaySharpensARegionToItsTown() throws {
        let lead =
            "Gunmen attacked a bus on Monday in Nigeria's northwestern Zamfara state, killing six passengers."
        let retold =
            lead + " Police said the bus was stopped near Kaura Namoda on Monday, hours after it left Gusau."
        let event = try #require(
            extractor.extract(from: article(retold)).first { $0.kind == .attackOnCivilians })
        #expect(event.location?.name == "Kaura Namoda")
        #expect(event.location?.precision == .near)

        // A town the journey began in is no scene; two towns on that day leave the region.
        for other in [
            " Police said the bus was on Monday hours out of Gusau.",
            " Police said the bus left Gusau on Monday and was stopped near Kaura Namoda or in Anka.",
        ] {
            let kept = try #require(extractor.extract(from: article(lead + other)).first)
            #expect(kept.location?.precision == .region)
        }
        // Another day's town is not this event's.
        let otherDay = lead + " On Sunday, police had set up a roadblock near Kaura Namoda."
        let kept = try #require(extractor.extract(from: article(otherDay)).first)
        #expect(kept.location?.precision == .region)
    }
}

extension EventExtractorTests {
    @Test func figuresOfABackgroundEventDoNotCountForTheEventTold() throws {
        let text = """
            Gunmen attacked a bus near Kaura Namoda on Monday, killing two passengers. \
            In 2019, the group killed nearly 400 people in more than 500 attacks.
            """
        let event = try #require(extractor.extract(from: article(text)).first)
        #expect(event.casualties?.killed?.value == 2)
    }
}

extension EventExtractorTests {
    @Test func killingFightersIsABattleAndKillingVillagersIsNot() throws {
        let fighters = "Troops killed four insurgents in a raid near Kaura Namoda on Sunday, the army said."
        #expect(extractor.extract(from: article(fighters)).map(\.kind) == [.armedClash])
        let base =
            "Fighters attacked an army base in Anka on Saturday, killing at least 50 soldiers, sources said."
        #expect(extractor.extract(from: article(base)).map(\.kind) == [.armedClash])
        let passive = "Two policemen were killed near Kaura Namoda on Sunday, officials said."
        #expect(extractor.extract(from: article(passive)).map(\.kind) == [.armedClash])
        let villagers = "Gunmen killed four villagers near Kaura Namoda on Sunday, officials said."
        #expect(extractor.extract(from: article(villagers)).map(\.kind) == [.attackOnCivilians])
    }

    @Test func capturedOutpostsAreTerritoryAndAnEndedTruceIsNoAgreement() {
        let outposts =
            "Rebels said on Wednesday they had captured a police outpost and two army camps near Kaura Namoda."
        #expect(extractor.extract(from: article(outposts)).map(\.kind) == [.territoryCaptured])
        let ended = "The rebels ended a three-month ceasefire with the army on Monday."
        #expect(extractor.extract(from: article(ended)).isEmpty)
        let posts = "On Monday the rebels launched attacks on security posts across Zamfara state."
        #expect(extractor.extract(from: article(posts)).map(\.kind) == [.armedClash])
    }
}

extension EventExtractorTests {
    @Test func aProtestDispersedInTheNextSentenceIsOneInterventionWhereTheSentenceIsSet() throws {
        let text = """
            In Lagos, thousands of people rallied on Thursday to demand the release of hostages held in Kano. \
            Police fired tear gas to disperse demonstrators who blocked a highway and detained several people.
            """
        let events = extractor.extract(from: article(text))
        #expect(events.map(\.kind) == [.protestWithIntervention])
        #expect(events.first?.location?.name == "Lagos")
    }
}

extension EventExtractorTests {
    @Test func twoSourcesFiguresGiveTheLowestAndARisenTollTheLatest() throws {
        let sources = """
            An airstrike hit a house near Kaura Namoda on Monday, killing at least nine people, officials \
            said, while rescuers put the death toll at 11. Fourteen other people were wounded.
            """
        let strike = try #require(extractor.extract(from: article(sources)).first)
        #expect(strike.casualties?.killed?.value == 9)
        #expect(strike.casualties?.injured?.value == 14)
        let risen =
            "An airstrike hit a house near Kaura Namoda on Monday, killing two. The death toll rose to five."
        #expect(extractor.extract(from: article(risen)).first?.casualties?.killed?.value == 5)
    }

    @Test func noOneHurtAfterAnInterceptionIsTheStrikesToll() throws {
        let text = """
            Militants fired two rockets towards Kaura Namoda on Thursday evening, the army said. \
            One was intercepted and the other fell in an open area. No one was hurt.
            """
        let strike = try #require(extractor.extract(from: article(text)).first { $0.kind == .missileStrike })
        #expect(strike.casualties?.killed?.value == 0)
        #expect(strike.casualties?.injured?.value == 0)
    }
}

extension EventExtractorTests {
    @Test func aLaterParagraphWithoutADateGoesOnWithTheLeadsDay() throws {
        let text = """
            Gunmen attacked a bus near Kaura Namoda on Thursday, killing six passengers, police said.

            In the nearby town of Anka, police used tear gas to break up a march by hundreds of protesters.
            """
        let events = extractor.extract(from: article(text))
        let protest = try #require(events.first { $0.kind == .protestWithIntervention })
        #expect(protest.date.start == "2025-03-13")
        #expect(protest.confidenceFactors.contains { $0.factor == "dated by the story's lead" })
    }

    @Test func aTruceCarriesNoCasualties() throws {
        let text =
            "A truce that took effect on March 1 ended a year of fighting in which 4,000 people were killed."
        let truce = try #require(extractor.extract(from: article(text)).first)
        #expect(truce.kind == .agreement)
        #expect(truce.casualties == nil)
    }
}

extension EventExtractorTests {
    @Test func anEventNamedAsTheObjectOfAnotherDeedIsNoNewEvent() throws {
        let claimed = """
            A rocket struck a market near Kaura Namoda on Monday, killing three people. \
            Several days later, a little-known group claimed the attack in a message to journalists.
            """
        #expect(extractor.extract(from: article(claimed)).map(\.kind) == [.missileStrike])
        let suspects =
            "On Tuesday police arrested four suspected facilitators of the Anka bombing in raids near Gusau."
        #expect(extractor.extract(from: article(suspects)).map(\.kind) == [.arrest])
    }

    @Test func conditionsOngoingFightingAndLoneGunmenAreNoEvents() {
        for text in [
            "The rebels say they will fight on until the siege of the city is lifted.",
            "Fighting on the border continued.",
            "Police said they were on the trail of the gunmen.",
        ] {
            #expect(extractor.extract(from: article(text)).isEmpty, "\(text)")
        }
    }

    @Test func detentionsAfterARallyMakeItAProtestWithIntervention() {
        let text = """
            Thousands of people rallied in Gusau on Saturday against the new tax law. \
            Police detained 40 people, officials said.
            """
        #expect(extractor.extract(from: article(text)).map(\.kind) == [.protestWithIntervention])
    }
}

extension EventExtractorTests {
    @Test func wordsOfSportTradeLawAndBusinessAreNoEvents() {
        for text in [
            "Portugal beat Sweden 3-1 in Lisbon on Tuesday.",
            "The quarterback was intercepted three times in Denver on Sunday.",
            "Hopes of a trade truce lifted shares in Tokyo on Monday.",
            "The singer won a long legal battle in Paris on Friday.",
            "Officers executed a search warrant at a house in Leeds on Monday.",
            "The inmate died at a detention centre in Texas on Monday.",
            "Shares closed higher in London on Tuesday.",
            "The senators met behind closed-door sessions on Tuesday.",
            "The chef served soft-shelled crabs in Boston on Friday.",
            "Thousands cheered as the crowd sang in Cardiff on Saturday.",
            "The two firms reached an agreement on royalties in Berlin on Monday.",
            "Road crews were deployed to fix potholes in Ohio on Monday.",
            "The president said at a rally in Monroe on Friday that the economy was strong.",
        ] {
            #expect(extractor.extract(from: article(text)).isEmpty, "\(text)")
        }
    }
}

extension EventExtractorTests {
    @Test func deminingAnAreaNeedsNoOtherWeaponWord() {
        let text = "Army engineers began demining fields near Kaura Namoda on Monday."
        #expect(extractor.extract(from: article(text)).map(\.kind) == [.weaponsDisrupted])
    }
}

extension EventExtractorTests {
    @Test func aDeedOnADayCountsBesideALongWarAndAStrategicDeedInItsOwnClause() {
        let war =
            "Gunmen opened fire on a bar in Gusau on Saturday, killing five men, as a six-month war raged on."
        #expect(extractor.extract(from: article(war)).map(\.kind) == [.attackOnCivilians])
        let base = """
            Troops repelled a rebel assault on a convoy near Gusau on Friday, losing two men, and the army \
            has since set up a new base in Gusau to guard the highway.
            """
        #expect(Set(extractor.extract(from: article(base)).map(\.kind)) == [.armedClash, .baseEstablished])
        let truce = "A three-day truce was agreed on Monday night after clashes near the frontier."
        #expect(extractor.extract(from: article(truce)).map(\.kind) == [.agreement])
        let dispersed =
            "On Friday, villagers in Anka who protested against the new checkpoint were dispersed by soldiers."
        #expect(extractor.extract(from: article(dispersed)).map(\.kind) == [.protestWithIntervention])
    }
}

extension EventExtractorTests {
    @Test func violenceInARemoteSpotIsNearTheTownWhoseHospitalTookItsWounded() throws {
        let text = """
            Gunmen attacked a convoy on Tuesday in Nigeria's Zamfara state, killing six soldiers, the army said. \
            Rescuers reached the scene after dark. The wounded were taken to the general hospital in Kaura Namoda.
            """
        let attack = try #require(extractor.extract(from: article(text)).first)
        #expect(attack.location?.name == "Kaura Namoda")
        #expect(attack.location?.precision == .near)
        // A hospital outside the region says nothing of the scene.
        let far = text.replacingOccurrences(of: "Kaura Namoda", with: "Lagos")
        #expect(try #require(extractor.extract(from: article(far)).first).location?.precision == .region)
    }

    @Test func aPerfectTenseFarFromTheEventWordIsNoStandingSituation() {
        let text = """
            Russia launched 112 drones at Ukraine overnight, the air force said. Air defence units shot down 71 of \
            them, while 38 were lost, a term used for drones believed to have been downed by jamming.
            """
        let kinds = extractor.extract(from: article(text)).map(\.kind)
        #expect(kinds.contains(.weaponsDisrupted))
        let standing = "Fighting has been fiercest around the town, officials said."
        #expect(extractor.extract(from: article(standing)).isEmpty)
    }
}

extension EventExtractorTests {
    @Test func aRaidThatKilledCiviliansIsViolenceAgainstThem() {
        let raid =
            "Rebels killed at least nine villagers in a night raid near Kaura Namoda on Wednesday, the army said."
        #expect(extractor.extract(from: article(raid)).map(\.kind) == [.attackOnCivilians])
        let battle = "Clashes between troops and rebels near Kaura Namoda killed nine people on Wednesday."
        #expect(extractor.extract(from: article(battle)).map(\.kind) == [.armedClash])
    }

    @Test func arrestsSinceTheWeekendAreEventsAndTroopsMovedOrPulledOutAreToo() {
        let arrests =
            "In Gusau, police have detained at least 25 traders since the weekend, their families said."
        #expect(extractor.extract(from: article(arrests)).map(\.kind) == [.arrest])
        let tally = "Security forces have arrested more than 900 people since January 2024, officials said."
        #expect(extractor.extract(from: article(tally)).isEmpty)
        let pulled = "The army pulled its ground troops out of Anka on Sunday."
        #expect(extractor.extract(from: article(pulled)).map(\.kind) == [.territoryTransferred])
        let moved = "The army said on Tuesday it had sent 2,000 troops into Zamfara state."
        #expect(extractor.extract(from: article(moved)).map(\.kind) == [.groupChange])
        let held = "Twelve pupils are being held by kidnappers who raided a school in Anka on Wednesday."
        #expect(extractor.extract(from: article(held)).map(\.kind) == [.abduction])
    }
}

extension EventExtractorTests {
    @Test func claimStatusFollowsWhoTellsTheEvent() throws {
        func claim(_ text: String, _ kind: EventKind) throws -> Claim {
            try #require(extractor.extract(from: article(text)).first { $0.kind == kind }).claim
        }
        // One side on a battle: claimed.
        let battle = "The army said its troops had retaken the village of Anka on Friday."
        #expect(try claim(battle, .territoryCaptured).status == .claimed)
        // Residents telling what fighters did: reported.
        let residents = "Rebel fighters took control of Anka on Friday, residents said."
        #expect(try claim(residents, .territoryCaptured).status == .reported)
        // An attack the authorities report and its perpetrators own: confirmed.
        let owned = """
            A bomb exploded at a market in Gusau on Friday, killing four people, police said. \
            Boko Haram claimed responsibility for the attack in a video.
            """
        let confirmed = try claim(owned, .explosiveDevice)
        #expect(confirmed.status == .confirmed)
        #expect(confirmed.claimedBy == ["Boko Haram"])
        // The other side says it repelled what one side says it did: disputed.
        let contested = """
            Nigeria's army said its troops attacked a rebel camp near Anka on Friday. \
            The rebels said they had repelled the attack and denied any losses.
            """
        #expect(try claim(contested, .armedClash).status == .disputed)
    }
}

extension EventExtractorTests {
    @Test func theOtherMissileAndTheCitysDistrictBelongToTheStrikeJustTold() throws {
        let text = """
            Two missiles struck Dnipro on Friday night, injuring nine people. One hit a school in the \
            city's Shevchenkivskyi district; the other exploded in a car park.
            """
        let events = extractor.extract(from: article(text))
        #expect(events.map(\.kind) == [.missileStrike])
        #expect(events.first?.location?.name == "Dnipro")
    }
}

extension EventExtractorTests {
    @Test func aStateBreakingUpACellArrestsOnItsOwnSoil() throws {
        let text = "On March 3, the Nigerian police broke up a terrorist cell that was making bombs."
        let arrest = try #require(extractor.extract(from: article(text)).first)
        #expect(arrest.kind == .arrest)
        #expect(arrest.location?.country == "NG")
        #expect(arrest.location?.precision == .country)
    }
}

extension EventExtractorTests {
    @Test func bodiesHyphenatedVictimsAndSustainedInjuriesAreCounted() throws {
        func figures(_ text: String) throws -> (Int?, Int?) {
            let event = try #require(extractor.extract(from: article(text)).first)
            return (event.casualties?.killed?.value, event.casualties?.injured?.value)
        }
        #expect(
            try figures(
                "Soldiers opened fire on protesters in Gusau on Friday; at least eight anti-tax demonstrators were killed."
            )
                == (8, nil))
        #expect(
            try figures(
                "Rebels attacked villages near Anka on Tuesday. The bodies of six civilians were found on Wednesday."
            )
                == (6, nil))
        #expect(
            try figures(
                "A bomb exploded at a market in Gusau on Friday. More than 150 people had sustained injuries."
            )
                == (nil, 150))
    }
}

extension EventExtractorTests {
    @Test func actorsBySubjectVerbAndByBlameAndFiguresFromElsewhereStayApart() throws {
        let struck = "Russia struck the port of Odesa with missiles on Thursday, killing one person."
        let strike = try #require(extractor.extract(from: article(struck)).first)
        #expect(strike.actors.first { $0.role == .initiator }?.name == "Russia")

        let blamed =
            "Drones struck a fuel depot in Port Sudan on Tuesday, the army said, blaming the Rapid Support Forces."
        let depot = try #require(extractor.extract(from: article(blamed)).first)
        #expect(depot.actors.first { $0.role == .initiator }?.name == "Rapid Support Forces")

        let elsewhere = """
            Russia struck the port of Odesa with missiles on Thursday, killing one person. \
            Debris fell on a building in Kharkiv, injuring two people.
            """
        let odesa = try #require(
            extractor.extract(from: article(elsewhere)).first { $0.location?.name == "Odesa" })
        #expect(odesa.casualties?.injured == nil)
    }
}

extension EventExtractorTests {
    @Test func theMainClausesStrikeOutranksOneToldInAClauseOfTime() throws {
        let text = """
            Israeli airstrikes on two villages in southern Lebanon killed 12 people on Tuesday, hours after \
            Hezbollah fired dozens of rockets at northern Israel.
            """
        let strike = try #require(extractor.extract(from: article(text)).first)
        #expect(strike.kind == .airStrike)
        #expect(strike.location?.country == "LB")
    }
}

extension EventExtractorTests {
    @Test func theSideOfAWeaponIsItsDemonymAndNeitherDatelineNorSpeakerIsATarget() throws {
        let text = """
            KYIV, Ukraine (AP) — A Russian glide bomb hit an apartment building in Zaporizhzhia on Sunday, \
            killing three people, officials said, as Moscow pressed its offensive.
            """
        let bomb = try #require(extractor.extract(from: article(text)).first)
        #expect(bomb.actors.map(\.name) == ["Russia"])
        #expect(bomb.actors.first?.role == .initiator)

        let captured =
            "In the Donetsk region, Russian troops captured the village of Novoselivka, Russia's Defense Ministry said."
        let capture = try #require(extractor.extract(from: article(captured)).first)
        #expect(capture.actors.map(\.name) == ["Russian troops"])

        let depot =
            "A Ukrainian drone attack set off a fire at an oil depot in Russia's Bryansk region overnight, officials said."
        let strike = try #require(extractor.extract(from: article(depot)).first)
        #expect(strike.actors.map(\.name) == ["Ukraine"])
        #expect(strike.location?.precision == .region)
    }
}

extension EventExtractorTests {
    @Test func anAttackReportedByTheSideHitAndOwnedByTheSideThatStruckIsConfirmed() throws {
        let text = """
            An Israeli air strike on a school in Gaza City killed 27 people on Thursday, health officials \
            said, while the Israeli military said it had targeted militants there.
            """
        let strike = try #require(extractor.extract(from: article(text)).first { $0.kind == .airStrike })
        #expect(strike.claim.status == .confirmed)
        #expect(strike.claim.claimedBy == ["Israeli military"])
    }
}

extension EventExtractorTests {
    @Test func aDayAfterAnEventTakesThatEventsDayAndTheDeedOutranksItsTime() throws {
        let text = """
            Rebels shelled the town of Anka on Tuesday, killing 12 civilians, a local committee said on Friday.

            A day after the shelling, rebel fighters stormed an army camp near Anka, witnesses said. The next day, \
            the army said its aircraft had struck rebel positions east of the town.
            """
        let events = extractor.extract(from: article(text, published: "2025-03-14"))
        #expect(events.first { $0.kind == .shelling }?.date.start == "2025-03-11")
        #expect(events.first { $0.kind == .armedClash }?.date.start == "2025-03-12")
        #expect(events.first { $0.kind == .airStrike }?.date.start == "2025-03-13")
    }
}

extension EventExtractorTests {
    @Test func aSecondDeedInALaterClauseWithItsOwnPlaceIsItsOwnEvent() {
        let text = """
            In the lakeside city of Kisumu, police fired tear gas to break up a rally by hundreds of \
            students on Monday, while in Eldoret thousands marched peacefully to the county offices.
            """
        let events = extractor.extract(from: article(text))
        #expect(events.map(\.kind) == [.protestWithIntervention, .peacefulProtest])
        #expect(events.map { $0.location?.name ?? "-" } == ["Kisumu", "Eldoret"])
    }
}

extension EventExtractorTests {
    @Test func weaponsShotDownOfThoseJustToldAreWhereTheStrikeWas() throws {
        let text = """
            Missiles struck Dnipro on Friday night, injuring nine people.

            Overnight, Russia also launched 64 drones against Ukraine, the air force said. Air defences \
            downed 40 of them.
            """
        let downed = try #require(
            extractor.extract(from: article(text, published: "2025-02-11")).first {
                $0.kind == .weaponsDisrupted
            })
        #expect(downed.location?.precision == .country)
        #expect(downed.location?.country == "UA")
    }
}

extension EventExtractorTests {
    @Test func anIndependentSourceConfirmsAClaimAndACountrysCapitalIsNoActor() throws {
        let text = """
            Yemen's Houthi rebels said on Friday they had fired anti-ship missiles at a tanker in the Red Sea. \
            The maritime agency UKMTO said a vessel reported an explosion in its vicinity west of Hodeidah.
            """
        let strike = try #require(extractor.extract(from: article(text)).first { $0.kind == .missileStrike })
        #expect(strike.claim.status == .confirmed)
        #expect(strike.claim.claimedBy.contains("UKMTO"))

        let capital =
            "Gang members attacked a neighbourhood in Haiti's capital early Thursday, killing 15 people."
        let attack = try #require(extractor.extract(from: article(capital)).first)
        #expect(!attack.actors.contains { $0.name.hasPrefix("Haiti") })
    }
}
