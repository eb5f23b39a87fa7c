"""Writes A-RES-75-62.en.unofficial.txt: our own English rendition of resolution 75/62 in the layout
a PDF extractor gives. It is NOT the official United Nations text; it exists to test the parser and
the translation checks against the Chinese text. Run: python tests/data/make_en_fixture.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layout import FN, Para, Spec, render  # noqa: E402

HEADER = [
    "UNOFFICIAL RENDITION FOR TESTING - NOT AN OFFICIAL UNITED NATIONS TEXT",
    " United Nations   A/RES/75/62",
    "General Assembly",
    "Distr.: General",
    "15 December 2020",
    "20-16877 (E)    181220    211220",
    "*2016877*",
    "Seventy-fifth session",
    "Agenda item 103 (ll)",
    "General and complete disarmament: implementation of the Convention on Cluster Munitions",
    "  Resolution adopted by the General Assembly on 7 December 2020",
    "  [on the report of the First Committee (A/75/399, para. 96)]",
    " 75/62. Implementation of the Convention on Cluster Munitions",
    " The General Assembly,",
]

PP = [
    ("Recalling its resolution 63/71 of 2 December 2008 on the Convention on Cluster Munitions and its "
     "resolutions 70/54 of 7 December 2015, 71/45 of 5 December 2016, 72/54 of 4 December 2017, 73/54 of "
     "5 December 2018 and 74/62 of 12 December 2019 on the implementation of the Convention,", []),
    ("Reaffirming its determination to put an end for all time to the suffering and casualties caused by "
     "the use, failure or abandonment of cluster munitions,", []),
    ("Deploring recent cases of the use of cluster munitions and the related civilian casualties, and "
     "calling upon those who continue to use cluster munitions to cease any such activity immediately,", []),
    ("Conscious that cluster munition remnants kill or maim civilians, including women and children, "
     "obstruct economic and social development, including through the loss of livelihood, impede "
     "post-conflict rehabilitation and reconstruction, delay or prevent the return of refugees and "
     "internally displaced persons, can negatively impact national and international peacebuilding and "
     "humanitarian assistance efforts and have other severe consequences that can persist for many years "
     "after use,", []),
    ("Concerned by the dangers presented by the large national stockpiles of cluster munitions retained "
     "for operational use, and determined to ensure their rapid destruction,", []),
    ("Recognizing the impact of cluster munitions on women, men, girls and boys, and the importance of "
     "adequate, gender- and age-sensitive assistance to cluster munition victims provided by the States "
     "concerned,", []),
    ("Considering the need to provide effective assistance in a coordinated and efficient manner to "
     "address the challenge of clearing cluster munition remnants located throughout the world and to "
     "ensure their destruction,", []),
    ("Conscious of the need to coordinate adequately efforts undertaken in various forums, including "
     f"through the Convention on the Rights of Persons with Disabilities, {FN}to address the rights and "
     "needs of victims of various types of weapons, and resolved to avoid discrimination among victims of "
     "various types of weapons,", ["United Nations, Treaty Series, vol. 2515, No. 44910."]),
    (f"Reaffirming that in cases not covered by the Convention on Cluster Munitions {FN}or by other "
     "international agreements, civilians and combatants remain under the protection and authority of "
     "the principles of international law, derived from established custom, from the principles of "
     "humanity and from the dictates of public conscience,", ["Ibid., vol. 2688, No. 47713."]),
    ("Welcoming the steps taken at the national, regional and global levels in recent years towards "
     "banning, restricting or imposing moratoriums on the use, stockpiling, production and transfer of "
     "cluster munitions, and welcoming in this regard the fact that since 2014 all Central American States "
     "have acceded to the Convention on Cluster Munitions, thus fulfilling the aspiration of the region to "
     "become the first cluster munition-free zone in the world,", []),
    ("Stressing the role of public conscience in furthering the principles of humanity, as evidenced by "
     "the global call for an end to civilian suffering caused by cluster munitions, and recognizing the "
     "efforts to that end undertaken by the United Nations, the International Committee of the Red Cross, "
     "the Cluster Munition Coalition and numerous other non-governmental organizations around the world,",
     []),
    ("Noting that 123 States have joined the Convention on Cluster Munitions, 110 of which as States "
     "parties and 13 as signatories,", []),
    ("Noting also that 2020 marks the tenth anniversary of the entry into force of the Convention, and "
     "stressing the need for further efforts to accelerate universalization,", []),
    ("Taking note of the initiative of the Secretary-General entitled “Securing our common future: an "
     "agenda for disarmament”, in particular section III, entitled “Disarmament that saves lives”,", []),
    (f"Taking note also of the 2015 Dubrovnik Political Declaration{FN} and the Dubrovnik Action Plan,{FN} "
     "adopted at the First Review Conference of the States Parties to the Convention on Cluster "
     "Munitions, held in Dubrovnik, Croatia, from 7 to 11 September 2015,",
     ["CCM/CONF/2015/7, annex I.", "Ibid., annex III."]),
    ("Taking note further of the Political Declaration adopted by consensus at the Sixth Meeting of "
     "States Parties to the Convention, held in Geneva from 5 to 7 September 2016 under the presidency of "
     f"the Netherlands,{FN} which sets 2030 as the target date for completing all individual and collective "
     "outstanding obligations under the Convention,", ["CCM/MSP/2016/9, annex I."]),
    ("Welcoming the dialogue conducted by Germany during its presidency of the Seventh Meeting of States "
     "Parties with States not parties to the Convention in support of universalization, including "
     "military-to-military dialogue, and recognizing that the country coalition concept can assist "
     "affected States in implementing their obligations under the Convention,", []),
    ("Noting with satisfaction the progress made in the full and effective implementation of the "
     "Convention, while bearing in mind the significant challenges that remain in achieving this goal,",
     []),
    ("Recognizing the importance of the full and equal access and meaningful participation of women and "
     "men in decision-making on disarmament processes, policies and programming related to the "
     "Convention,", []),
]

OP = [
    "Urges all States that have not yet joined the Convention on Cluster Munitions to do so as soon as "
    "possible, through ratification or accession, and urges all States parties in a position to do so to "
    "promote adherence to the Convention through bilateral, subregional and multilateral contacts, "
    "outreach and other means;",
    "Stresses the importance of the full and effective implementation of and compliance with the "
    "Convention, including through the implementation of the Dubrovnik Action Plan;",
    "Expresses grave concern at the number of allegations, reports or documented evidence of the use of "
    "cluster munitions in different parts of the world and the related civilian casualties, as well as "
    "other consequences that impede the achievement of sustainable development;",
    "Urges all States parties to provide the Secretary-General with complete and timely information as "
    "required under article 7 of the Convention in order to promote transparency and compliance with the "
    "Convention;",
    "Invites all States that have not ratified or acceded to the Convention to provide, on a voluntary "
    "basis, information that would make more effective the clearance and destruction of cluster munition "
    "remnants and related activities;",
    "Renews its invitation to States not parties to the Convention to continue to participate in the "
    "dialogue on issues related to the Convention, in order to strengthen its humanitarian impact and to "
    "promote its universalization, and to engage in military-to-military dialogue to address specific "
    "security issues related to cluster munitions;",
    "Renews its invitation and encouragement to all States parties, interested States, the United "
    "Nations, other relevant international organizations or institutions, regional organizations, the "
    "International Committee of the Red Cross, the Cluster Munition Coalition and other relevant "
    "non-governmental organizations to participate in the upcoming formal meetings of the Convention;",
    "Invites and encourages all interested States, the United Nations, other relevant international "
    "organizations or institutions, regional organizations, the International Committee of the Red Cross "
    "and relevant non-governmental organizations to attend the Second Review Conference of the States "
    "Parties to the Convention, to be held in Lausanne, Switzerland, from 23 to 27 November 2020, and to "
    "participate in the future programme of meetings of the States parties to the Convention;",
    "Requests the Secretary-General to continue to convene the meetings of the States parties to the "
    "Convention on Cluster Munitions and to continue to render the necessary assistance and to provide "
    "such services as may be necessary to fulfil the tasks entrusted to him by the Convention and the "
    "relevant decisions of the meetings of the States parties and of the Second Review Conference;",
    "Calls upon States parties and participating States to address the issue of arrears, including by "
    "proposing options to ensure the sustainable financing of all formal meetings and the prompt payment "
    "of their respective shares of the estimated costs;",
    "Decides to include in the provisional agenda of its seventy-sixth session, under the item entitled "
    "“General and complete disarmament”, the sub-item entitled “Implementation of the Convention on "
    "Cluster Munitions”.",
]

SPEC = Spec(HEADER, [Para("PP", t, n) for t, n in PP] + [Para("OP", t) for t in OP],
            ["37th plenary meeting", "7 December 2020"], lang="en")  # English: the meeting, then the date

if __name__ == "__main__":
    out = Path(__file__).with_name("A-RES-75-62.en.unofficial.txt")
    out.write_text(render(SPEC, width=92), encoding="utf-8")
    print(f"wrote {out}")
