"""Claim frames (extract/data/cues.json), each with positive and negative sentences.

Every sentence is made up for the frame it tests (fictional parties where the
party matters), so the tests pin the frame, not an article.
"""
from __future__ import annotations

import pytest


def claims(ex, kind=None):
    return [c for c in ex.claims if kind is None or c.kind == kind]


def holder_names(ex, c):
    return [ex.actor_name(h) for h in c.holders]


# (sentence, kind, holder's name contains, claim text contains)
POSITIVE = [
    # passive with a by-agent: the agent holds it
    ("The pay offer was rejected by Maria Okafor, the union's leader, on Monday.",
     "red_line", "Maria Okafor", "rejected by Maria Okafor"),
    # refusing someone's demand: a red line of the refuser ...
    ("Serbia rejected Kosovo's demand to withdraw its troops from the border.",
     "red_line", "Serbia", "rejected Kosovo's demand"),
    # ... and the demand refused, held by its owner
    ("Serbia rejected Kosovo's demand to withdraw its troops from the border.",
     "demand", "Kosovo", "Kosovo's demand to withdraw its troops"),
    # nominalised positions
    ("Teachers protested against the Education Ministry's refusal to pay the agreed increase.",
     "red_line", "Education Ministry", "refusal to pay the agreed increase"),
    ("Delegates welcomed the Freedonian Workers Union's call for a vote on the contract.",
     "demand", "Freedonian Workers Union", "call for a vote"),
    # conditional threats are demands held by the one who threatens
    ("The Transit Workers Union said it would stop work at midnight unless the agreement is signed.",
     "demand", "Transit Workers Union", "unless the agreement is signed"),
    ("Governor Alan Price threatened to veto the budget if lawmakers cut school funding.",
     "demand", "Alan Price", "if lawmakers cut school funding"),
    ("The strikers said they would take further action if the Ministry of Labour fails to meet the deadline.",
     "demand", "strikers", "if the Ministry of Labour fails to meet the deadline"),
    # a for-to complement of "call for"
    ("Foreign Minister Lena Varga called for Ruritania to withdraw its ships immediately.",
     "demand", "Lena Varga", "called for Ruritania to withdraw its ships immediately"),
    # wants / expects a party to act, wants a thing done
    ("Prime Minister Olaf Brandt wants Ruritania to reopen the border crossings.",
     "demand", "Olaf Brandt", "wants Ruritania to reopen the border crossings"),
    ("President Ana Silva said she wanted the sanctions lifted in their entirety.",
     "demand", "Ana Silva", "wanted the sanctions lifted"),
    # persuading the other side
    ("Chancellor Mira Holt is trying to convince the creditors to cut the debt.",
     "demand", "Mira Holt", "convince the creditors to cut the debt"),
    # "not willing to" is a refusal
    ('Finance Minister Erik Lund said: "We are not willing to ease the debt."',
     "red_line", "Erik Lund", "not willing to ease the debt"),
    # refusals as absence and as "not on the table"
    ('"There will be no negotiations over this," said Senator Ruth Adler.',
     "red_line", "Ruth Adler", "no negotiations"),
    ("Senator Ruth Adler said a tax increase is not on the table.",
     "red_line", "Ruth Adler", "not on the table"),
    # a coordinated verb with its own auxiliary does not share the negation
    ("Officials of the Harbour Authority say the increase is not in the budget and have requested "
     "that the issue be settled next year.",
     "demand", "Harbour Authority", "requested that the issue be settled"),
    # will-not with a future auxiliary on a weaker verb
    ("Opposition leader Karl Weiss said he will not sit in a government with the nationalists.",
     "red_line", "Karl Weiss", "will not sit in a government"),
    # opposed to
    ("The Green Party is opposed to the new pipeline.", "red_line", "Green Party", "opposed to the new pipeline"),
    # more frames: cannot afford to pay, waiting for a party to act, coordinated infinitives, once
    ("Labour Minister Eliphas Moyo said the government cannot afford to pay even $300 a month.",
     "red_line", "government", "cannot afford to pay"),
    ('Finance Minister Olaf Brandt said: "We are waiting for the Council to update its mandate."',
     "demand", "Olaf Brandt", "waiting for the Council to update its mandate"),
    ("Chancellor Mira Holt is trying to convince the creditors to cut the debt and extend the loans.",
     "demand", "Mira Holt", "extend the loans"),
    ("The European Parliament will come back to the table once the Council makes a new offer.",
     "demand", "European Parliament", "once the Council makes a new offer"),
    # refusals: denying a request, boycotts; ultimatums
    ("Serbia denied Kosovo's request to open a liaison office.", "red_line", "Serbia", "denied Kosovo's request"),
    ("The opposition Democratic Party boycotted the talks on Monday.", "red_line", "Democratic Party",
     "boycotted the talks"),
    ("The Transit Workers Union gave the city an ultimatum to raise wages by Friday.", "demand",
     "Transit Workers Union", "ultimatum"),
    # a party wanting a thing, telling the other side to act; refusals as "no intention", "said no"
    ("The Transit Workers Union wants a five percent raise.", "demand", "Transit Workers Union", "wants a five"),
    ("President Ana Silva told Serbia to withdraw its troops.", "demand", "Ana Silva", "told Serbia to withdraw"),
    ("Russia has no intention of withdrawing from Crimea.", "red_line", "Russia", "no intention of withdrawing"),
    ("The Transit Workers Union said no to the offer.", "red_line", "Transit Workers Union", "said no to the offer"),
    ("Senator Ruth Adler said the tax plan is dead on arrival.", "red_line", "Ruth Adler", "dead on arrival"),
    # an obligation put on a party; refusing what was just proposed
    ("Foreign Minister Lena Varga said it is the duty of the European Union to stop the fighting.",
     "demand", "Lena Varga", "duty of the European Union"),
    ("President Ana Silva said it is up to Serbia to accept the deal.", "demand", "Ana Silva", "up to Serbia"),
    ('"We can\'t do that," President Ana Silva said.', "red_line", "Ana Silva", "can't do that"),
    # obligations on the talks themselves and on those taking part are demands
    ("Secretary of State John Kerry said the negotiations must be serious.", "demand", "John Kerry",
     "negotiations must be serious"),
    ("Mediator Ana Silva said all those involved must engage in good faith.", "demand", "Ana Silva",
     "must engage"),
    # refusals stated as "not up for debate" and as a future absence with "any"
    ("The government of Ruritania says the president's role is not up for debate.", "red_line", "Ruritania",
     "not up for debate"),
    ('Senator Ruth Adler said there is "not going to be any deal" on her part.', "red_line", "Ruth Adler",
     "not going to be any deal"),
    # "no choice but to" obliges like "must"; conditions set and made; "only if"; laying down arms
    ("Freedonia has no choice but to return to the talks, Foreign Minister Lena Varga said.", "demand",
     "Lena Varga", "no choice but to return to the talks"),
    ("The Transit Workers Union made a pay rise a precondition for returning to talks.", "demand",
     "Transit Workers Union", "a precondition for returning"),
    ("The Freedonia Liberation Front set three conditions for a ceasefire.", "demand",
     "Freedonia Liberation Front", "set three conditions"),
    ("Israel will accept the deal only if Hamas releases the hostages, Foreign Minister Lena Varga said.",
     "demand", "Israel", "only if Hamas releases the hostages"),
    ("The Freedonia Liberation Front said it would not lay down its arms.", "red_line",
     "Freedonia Liberation Front", "would not lay down its arms"),
    # an offer on a condition sets the condition; a capital the tagger missed is its state;
    # "its members" act as their body; "it" holds a refusal it states
    ("Iran has said it is ready to return to talks if the United States lifts sanctions first.", "demand",
     "Iran", "if the United States lifts sanctions first"),
    ("Kyiv has made the return of all prisoners a condition for any agreement.", "demand", "Ukraine",
     "a condition for any agreement"),
    ("The nurses' union says its members will walk out unless the government improves its offer.", "demand",
     "union", "unless the government improves its offer"),
    ("Russia made clear it would not return the occupied territories.", "red_line", "Russia",
     "would not return the occupied territories"),
    # "according to X", "X's position is that …" report a position like "X said";
    # acceptance only on a condition sets it
    ("According to the Transit Workers Union, the government must double its offer.", "demand",
     "Transit Workers Union", "the government must double its offer"),
    ("Russia's position is that Crimea is not up for negotiation.", "red_line", "Russia",
     "not up for negotiation"),
    ("Ukraine will only agree to a ceasefire if Russia withdraws its troops.", "demand", "Ukraine",
     "if Russia withdraws its troops"),
    # a name the tagger missed that takes a position is a party
    ("Ruritania has refused to pay the ransom, the minister said.", "red_line", "Ruritania", "refused to pay"),
    # a position whose owner the text names only there: a plural party name as possessor, a
    # group noun as modifier (which founds the group), a "that" clause of what must happen
    ("Analysts cited the Freedonians' refusal to join any coalition with Ruritania.", "red_line", "Freedonians",
     "refusal to join any coalition"),
    ("Envoys met to discuss a cease-fire and rebel demands for the release of political prisoners.", "demand",
     "rebel", "rebel demands for the release of political prisoners"),
    ("The Dock Workers Union walked out. The sticking point is a demand by the Dock Workers Union "
     "that the company restore pensions.", "demand", "Dock Workers Union", "that the company restore pensions"),
    # talks declared finished, a term declared final
    ("The Freedonian government has repeatedly said the negotiations are finished.", "red_line",
     "Freedonian government", "the negotiations are finished"),
    ("Minister Lena Varga said the deadline of 29 June is final and immovable.", "red_line", "Lena Varga",
     "is final and immovable"),
    # a call to end the other side's hostilities; not attending talks; a negated wish to move
    ('"The shelling must stop now," Minister Lena Varga said.', "demand", "Lena Varga", "The shelling must stop now"),
    ("The Freedonian opposition said it will not attend a meeting with government officials.", "red_line",
     "opposition", "will not attend a meeting"),
    ("Ruritania does not want to accept the proposal, Minister Lena Varga said.", "red_line", "Ruritania",
     "does not want to accept the proposal"),
    # a copular position with "for"; each verb sharing a modal; a passive "it" in a quote
    ("Minister Lena Varga said Ruritania's first demand is for an end to the blockade.", "demand", "Ruritania",
     "first demand is for an end to the blockade"),
    ("Minister Lena Varga said Ruritania should stop waiting for talks and end its assault immediately.", "demand",
     "Lena Varga", "end its assault immediately"),
    ('"The blockade is illegal. It must be lifted," Minister Lena Varga said.', "demand", "Lena Varga",
     "It must be lifted"),
    # resisting calls; a final offer; "told X it must"; walking away if the other side acts
    ("Germany has resisted calls to send more weapons.", "red_line", "Germany", "resisted calls to send more weapons"),
    ("Acme Steel said this was its final offer.", "red_line", "Acme Steel", "final offer"),
    ("The lenders told Ruritania it must pass the reforms by Wednesday.", "demand", "lenders",
     "it must pass the reforms by Wednesday"),
    ("The National Teachers Union said it would walk away from the talks if the government cut pensions.",
     "demand", "National Teachers Union", "if the government cut pensions"),
    # pseudo-clefts: what a side wants; what the other side need only do
    ('"What we want is a fair deal," union leader Ada Obi said.', "demand", "Ada Obi", "What we want is a fair deal"),
    ('Minister Lena Varga wrote to the National Teachers Union. "All they need to do is call off the strikes," '
     "Varga said.", "demand", "Lena Varga", "All they need to do is call off the strikes"),
    # "it is time for X to act" / "not yet time for signing"; a precondition; no peace without
    ("Minister Lena Varga said it was time for the Freedonian government to act.", "demand", "Lena Varga",
     "time for the Freedonian government to act"),
    ('"It\'s not yet time for signing the agreement," Minister Lena Varga said.', "red_line", "Lena Varga",
     "not yet time for signing the agreement"),
    ("The Freedonian Liberation Front said the release of prisoners was a precondition for talks.", "demand",
     "Freedonian Liberation Front", "the release of prisoners was a precondition for talks"),
    ("There can be no peace without justice, the Freedonian Liberation Front said.", "red_line",
     "Freedonian Liberation Front", "no peace without justice"),
    ("The Freedonian Liberation Front said talks could only resume after the troops leave.", "demand",
     "Freedonian Liberation Front", "after the troops leave"),
    ("The Freedonian Liberation Front said it wanted a timetable for the withdrawal.", "demand",
     "Freedonian Liberation Front", "wanted a timetable for the withdrawal"),
    # a participle describing a party; "must not"; "want to see X", "want to be paid";
    # "fight until"; a declared ultimatum; the shutdown must stop
    ("Around 5,000 garment workers, demanding a monthly minimum wage of Taka 23,000, set up roadblocks.", "demand",
     "garment workers", "demanding a monthly minimum wage"),
    ('"Israel must not build more settlements," Minister Lena Varga said.', "demand", "Lena Varga",
     "must not build more settlements"),
    ('"We want to see direct negotiations," union leader Ada Obi said.', "demand", "Ada Obi",
     "want to see direct negotiations"),
    ("The Transit Workers Union wants to be included in the talks.", "demand", "Transit Workers Union",
     "wants to be included in the talks"),
    ('"We will fight with a full strike until our demands are met," union leader Ada Obi said.', "demand",
     "Ada Obi", "until our demands are met"),
    ("The National Teachers Union declared a seven-day ultimatum to the ministry to restart talks.", "demand",
     "National Teachers Union", "ultimatum"),
    ('"The shutdown should stop today," Senator Ruth Adler said.', "demand", "Ruth Adler",
     "The shutdown should stop today"),
    # a verb that refuses only proposals; "is against the plan"; an offer called inadequate
    ("Freedonia balked at the proposal on Monday.", "red_line", "Freedonia", "balked at the proposal"),
    ("Freedonia blocked the resolution in the Security Council.", "red_line", "Freedonia", "blocked the resolution"),
    ("Freedonia is against the plan.", "red_line", "Freedonia", "is against the plan"),
    ("Freedonia said the offer was inadequate.", "red_line", "Freedonia", "the offer was inadequate"),
    # a refusal asked of another party is a demand of the one who asks
    ("Senator Ruth Adler urged the administration to reject the deal.", "demand", "Ruth Adler",
     "urged the administration to reject the deal"),
    # a leadership is a body
    ("The Freedonian leadership refused to take up the proposal.", "red_line", "leadership",
     "refused to take up the proposal"),
    # stressing the need for a step; "it is essential to …" said by a party; "calls to end …"
    ("The Verification Commission emphasized the need for phased implementation of the accord.", "demand",
     "Verification Commission", "emphasized the need for phased implementation"),
    ("Minister Lena Varga stressed the need to resume talks without delay.", "demand", "Lena Varga",
     "stressed the need to resume talks"),
    ("The Freedonian delegation says it is essential to set the targets now.", "demand", "Freedonian delegation",
     "it is essential to set the targets now"),
    ('"It is vital that the talks resume this week," Minister Lena Varga said.', "demand", "Lena Varga",
     "It is vital that the talks resume this week"),
    # its "it" in the clause before (this raised StopIteration once)
    ('"It was late, and is essential to resume the talks now," Minister Lena Varga said.', "demand",
     "Lena Varga", "is essential to resume the talks now"),
    ("The Freedonian Workers Union calls to urgently end all fuel subsidies.", "demand",
     "Freedonian Workers Union", "calls to urgently end all fuel subsidies"),
    ("Mediator Kofi Abara called upon the government to release the detainees.", "demand", "Kofi Abara",
     "called upon the government to release the detainees"),
    # a refusal to move one's own position; a threat on the other side doing nothing
    ("Hamas spokesman Fawzi Barhoum said Hamas will not change its positions.", "red_line", "Hamas",
     "will not change its positions"),
    ("Union leader Ada Obi says if nothing is done, the union will take to the streets.", "demand", "union",
     "if nothing is done"),
    # what the deal must hold, reported by a party; "underline that" reports
    ("Minister Lena Varga said any deal must include the release of prisoners.", "demand", "Lena Varga",
     "any deal must include the release of prisoners"),
    ("The Freedonian delegation underlined that all major emitters should contribute to the fund.", "demand",
     "Freedonian delegation", "all major emitters should contribute to the fund"),
    # defying what another party asks
    ("The rebels defied the ultimatum to release the prisoners.", "red_line", "rebels", "defied the ultimatum"),
    # refusing to discuss or answer what the other side asks stays a refusal
    ("The Freedonian Workers Union refused to discuss the company's proposal.", "red_line",
     "Freedonian Workers Union", "refused to discuss the company's proposal"),
    ("The rebels refused to talk to the government.", "red_line", "rebels", "refused to talk to the government"),
    ("The government refused to give the nurses a pay increase.", "red_line", "government",
     "refused to give the nurses a pay increase"),
    # insisting on a thing, on what must or will happen, on a subjunctive
    ("The Freedonian Workers Union insisted on a secret ballot.", "demand", "Freedonian Workers Union",
     "insisted on a secret ballot"),
    ("Government leaders had insisted the talks would be strictly clan-based.", "demand", "Government leaders",
     "insisted the talks would be strictly clan-based"),
    ("The Freedonian Labour Party insisted the government be formed with respect to the results.", "demand",
     "Freedonian Labour Party", "insisted the government be formed"),
    ("The Freedonian Workers Union is seeking a 10 percent raise.", "demand", "Freedonian Workers Union",
     "is seeking a 10 percent raise"),
    # a condition under "insisted that": the one who insists, not a party named earlier
    ("Ruritania's envoy spoke first. President Ana Silva insisted that a lasting peace depends on a complete "
     "withdrawal of the troops.", "demand", "Ana Silva", "depends on a complete withdrawal"),
    # dismissing an offer; needing a thing from the other side
    ("The Freedonian Workers Union dismissed the company's offer of a 3% raise.", "red_line",
     "Freedonian Workers Union", "dismissed the company's offer"),
    ('"We need a truly sustainable proposal," union leader Ada Obi said.', "demand", "Ada Obi",
     "We need a truly sustainable proposal"),
    # require: a party to act, or a mandative clause
    ("The Freedonian Workers Union will require that the company restore the pensions.", "demand",
     "Freedonian Workers Union", "require that the company restore the pensions"),
    ("The bill of the Freedonian government would require any peace deal to be put to a popular vote.", "demand",
     "Freedonian government", "would require any peace deal to be put to a popular vote"),
    # a pseudo-cleft in the conditional
    ("Minister Lena Varga said the best thing the union could do would be to call off the strike.", "demand",
     "Lena Varga", "would be to call off the strike"),
    # a present "is not going to" is as firm as "will not"
    ('"We are not going to sign this agreement," union leader Ada Obi said.', "red_line", "Ada Obi",
     "We are not going to sign this agreement"),
    ("Minister Lena Varga said the Freedonian Workers Union is not going to take part in the elections.",
     "red_line", "Freedonian Workers Union", "not going to take part in the elections"),
    # unwillingness to make a move, reported with a pronoun: the reporter holds it
    ("Union leader Ada Obi said she is not prepared to negotiate with the Freedonian Shipping Company.",
     "red_line", "Ada Obi", "is not prepared to negotiate"),
    # no cause to make a move
    ("Ruritania says there is no reason to pull its forces out of Freedonia.", "red_line", "Ruritania",
     "there is no reason to pull its forces out"),
    ('"We see no need to negotiate with the rebels," Minister Lena Varga said.', "red_line", "Lena Varga",
     "We see no need to negotiate"),
    # "no … without" with a negated "be" and "a"; dialogue is talks
    ("Union leader Ada Obi said there cannot be a fruitful dialogue without the release of the strikers.",
     "red_line", "Ada Obi", "there cannot be a fruitful dialogue without"),
    # a present obligation put in the passive falls on no party but is one ("… has to be based on")
    ("The Freedonian Workers Union is adamant that the mechanism has to be based on a secret ballot.",
     "demand", "Freedonian Workers Union", "the mechanism has to be based on a secret ballot"),
    # "it is incumbent on X to V", said by a party
    ("Minister Lena Varga said it was incumbent on the two sides to get together.", "demand", "Lena Varga",
     "it was incumbent on the two sides to get together"),
    # "no longer recognizes" refuses now
    ("The opposition coalition RHDP says it no longer recognizes Laurent Gbagbo as president.", "red_line", "RHDP",
     "it no longer recognizes Laurent Gbagbo as president"),
    # "has got to" is "has to"
    ('"The union has got to accept the offer," Minister Lena Varga said.', "demand", "Lena Varga",
     "The union has got to accept the offer"),
    # producers act as a group
    ("Some cocoa producers are refusing to deliver beans until the price rises.", "red_line", "producers",
     "refusing to deliver beans"),
]


@pytest.mark.parametrize("text,kind,holder,contains", POSITIVE)
def test_frame_positive(run, text, kind, holder, contains):
    ex = run(text)
    found = [c for c in claims(ex, kind) if contains in c.text]
    assert found, [(c.kind, c.text, ex.actor_name(c.holder)) for c in ex.claims]
    assert holder in ex.actor_name(found[0].holder), (found[0].text, ex.actor_name(found[0].holder))


def test_coordinated_holders_are_all_kept(run):
    ex = run("Both the Social Democrats and the Liberal Party rejected the proposal on Tuesday.")
    (c,) = claims(ex, "red_line")
    names = holder_names(ex, c)
    assert len(names) == 2 and c.holder == c.holders[0], names
    assert any("Democrats" in n for n in names) and any("Liberal Party" in n for n in names)


def test_refusing_a_demand_is_not_the_refusers_demand(run):
    ex = run("Serbia rejected Kosovo's demand to withdraw its troops from the border.")
    serbia = next(a.id for a in ex.actors if a.name == "Serbia")
    assert claims(ex, "demand") and all(c.holder != serbia for c in claims(ex, "demand"))


def test_meeting_a_demand_leaves_it_with_its_owner(run):
    ex = run("The Ministry of Finance said it could not meet the nurses' demand for a 20 percent raise.")
    ministry = next(a.id for a in ex.actors if "Ministry" in a.name)
    assert claims(ex, "red_line") and all(c.holder != ministry for c in claims(ex, "demand"))


@pytest.mark.parametrize("text", [
    # accusations, predictions, failures, questions, reports are not positions
    "Freedonia accused Ruritania of refusing to negotiate in good faith.",
    "The Transit Workers Union is expected to reject the offer next week.",
    "The two delegations failed to reach agreement on Friday.",
    "Will the Transit Workers Union accept the offer?",
    "Ruritania is not negotiating with Freedonia at the moment.",
    "You do not get to demand a ransom for doing your job, Senator Ruth Adler said.",
    # offers and own plans
    "Ruritania offered to withdraw half of its troops.",
    "A senior envoy of Freedonia is in the capital seeking to save the hostages' lives.",
    # a condition without a threat is not a demand
    "Prices will rise unless the harvest improves, the Central Bank of Ruritania said.",
    "Senator Ruth Adler said the country cannot afford to be complacent.",
    "President Ana Silva said she was waiting for a phone call from the minister to find out the details.",
    "If we don't have border security, we'll be crime ridden, Senator Ruth Adler said.",
    # a counterfactual past judges; a second-person refusal accuses the addressee
    '"You could not have entered into an agreement and then refused to pay," union leader Ada Obi said.',
    '"You sign an agreement with people and you refuse to honor it," union leader Ada Obi said.',
    # an indirect question asks, it does not demand
    "Reporter Tom Reed asked union leader Ada Obi what the authorities have to do to end the strike.",
    # denials of facts and impersonal obligations
    "Serbia denied the report that its troops had crossed the border.",
    "The Central Bank of Ruritania said the economy must grow faster next year.",
    # eval-diff on PolNeAR: "defied expectations", "defies explanation" are not refusals
    "Senator Ruth Adler has defied the expectations of voters and observers alike.",
    # an instruction quoted, not a demand
    'Supporters are telling Senator Ruth Adler, "Make sure you win this battle."',
    # wanting to do something is no demand ("wants to discuss the fate of the plant" is not one
    # in the shared gold either); a past absence reports; "has to do with" relates
    "Senator Ruth Adler wants to win the election in November.",
    "President Ana Silva wants to discuss the future of the power plant.",
    "Senator Ruth Adler said the deal has to do with the border.",
    # a condition inside a hypothetical is no position
    "If Israel accepts the deal only if Hamas releases the hostages, the talks will fail.",
    "The Ministry of Health wants to improve working conditions for nurses.",
    # readiness to act on a condition only in an unreal clause; an offer with no condition
    "If Iran is ready to return to talks if sanctions are lifted, the deal will survive.",
    "Iran has said it is ready to return to talks next week.",
    "According to reports, the economy must grow faster next year.",
    "Workers who would have to be laid off protested outside the mill.",
    "Those tasked with the review must assume the worst, Senator Ruth Adler said.",
    "Senator Ruth Adler said there was not any deal on Friday.",
    # an insistence on a fact, a past wish, declining to comment, a forecast, results declared final
    "Senator Ruth Adler's insistence that she was at the refuge as a journalist convinced nobody.",
    "Senator Ruth Adler did not want to return to Washington.",
    '"I don\'t want to talk about the situation," Senator Ruth Adler said.',
    "Senator Ruth Adler said the war will end soon.",
    "The Electoral Commission of Ruritania said the results are final.",
    "Rebel forces shelled rebel-held areas near the border.",
    # "have yet to" says they have not; a past passive reports; "it must be said" obliges no one
    "Minister Lena Varga said the authorities have yet to make compromises.",
    "The accord was reached in the morning but had not been formally signed.",
    # resisting a thing is no refusal; a plan on a condition of one's own
    "The suspect resisted arrest on Friday.",
    # a past narration, a plan of one's own, no condition
    "It was time to go home.",
    # blocking a road, objecting to noise, thin data
    "Police blocked the road to the capital.",
    "Residents objected to the noise from the port.",
    "Analysts said the data were insufficient.",
    # a participle of a thing, a comment sought; a judgement of the past; a first-person "must not"
    "Senator Ruth Adler wrote a book calling for massive fiscal stimulus.",
    "The Transit Workers Union did not respond to an email seeking comment.",
    '"He should not have called the governor a lightweight," Senator Ruth Adler said.',
    '"We must not forget the victims," Minister Lena Varga said.',
    '"It is time for us to leave," Minister Lena Varga said.',
    "Minister Lena Varga said the condition of the roads was a worry for everyone.",
    "There was no peace without war in those years, Minister Lena Varga said.",
    # a cleft that plans, judges or generalises
    '"What we want is to win," union leader Ada Obi said.',
    '"What we can do is make the governor go to Illinois," union leader Ada Obi said.',
    '"What your employer can do to you is a disgrace," union leader Ada Obi said.',
    "Analysts said the Freedonian Labour Party would quit the coalition if it lost the vote.",
    '"It must be said that the talks went well," Minister Lena Varga said.',
    # a thought, a comparison, a plan of one's own, a past telling; a passive or idiom of "call"
    '"It is important to remember the victims," Minister Lena Varga said.',
    '"It is more important to narrow the field," Minister Lena Varga said.',
    '"It is vital that we protect this package," Minister Lena Varga said.',
    "The turnout showed how important it was to strike a tougher tone.",
    "The youth wing was called by the party to collect signatures.",
    "Minister Lena Varga called to congratulate the winner.",
    "The speech called to mind the promise of reconciliation.",
    "Analysts said the ruling would not change the outcome.",
    "The agreement must have been signed in secret, analysts said.",
    "The Freedonian team defied the odds to win the final.",
    # a source keeping quiet is no refusal in the talks
    "The Freedonian Workers Union declined to comment on the report.",
    "Minister Lena Varga declined to say whether she would resign.",
    "A Freedonian official, who declined to be named, confirmed the meeting.",
    "Minister Lena Varga refused to talk to reporters after the meeting.",
    "The Freedonian Workers Union declined to provide details of the offer.",
    # a need or a fall, not a position
    "The Freedonian campaign requires cash and volunteers.",
    "Support for the Freedonian Workers Union has declined sharply since May.",
    # one's own to-do in a quote; dismissing criticism
    '"We need to grow the party," union leader Ada Obi said.',
    '"I have to tell you, the talks were hard," Minister Lena Varga said.',
    "Minister Lena Varga dismissed the criticism as absurd.",
    # insisting on a fact is no demand; "on Sunday" is a day
    "Minister Lena Varga insisted that no ransom was paid.",
    "Senator Ruth Adler is seeking reelection in November.",
    # an appeal to the public
    "Senator Ruth Adler urged voters to register before the deadline.",
    "The Freedonian Shipping Company urged customers to remove cargo from the ports.",
    "The Freedonian refugees are seeking asylum in Ruritania.",
    "The palace insisted on Sunday that the hostages were well.",
    "Union leader Ada Obi insists the company is mounting a phony attack.",
    "The best thing about the deal would be its simplicity, Minister Lena Varga said.",
    # a past "was not going to" narrates; "going to" without a negation offers nothing to refuse
    '"We were not going to sign anything that day," union leader Ada Obi said.',
    '"We are going to sign the agreement," union leader Ada Obi said.',
    # no reason to do what is no move; a past "there was no reason" narrates
    "Minister Lena Varga says there is no reason to worry about the economy.",
    "There was no reason to stay, Minister Lena Varga recalled of the 1990 talks.",
    # an indefinite, past or predicted passive obligation is no party's demand
    '"Something had to be done," Minister Lena Varga said.',
    '"Every minute needs to be used well," Minister Lena Varga said.',
    # generic "you've got to"; "neither wanted" negates
    '"You\'ve got to love what you\'re doing," union leader Ada Obi said.',
    "Minister Lena Varga said Freedonia neither wanted an escalation, nor shared that view.",
    "In 1990 the Solid South no longer gave the Freedonian Workers Union a lock on the vote.",
    '"This will ultimately have to be reviewed by the court," Minister Lena Varga said.',
])
def test_frame_negative(run, text):
    assert claims(run(text)) == [], [(c.kind, c.text, c.reason) for c in run(text).claims]



def test_present_perfect_refusal_still_counts(run):
    ex = run('"We have not accepted the offer," union leader Ada Obi said.')
    assert claims(ex, "red_line"), [(c.kind, c.text) for c in ex.claims]


def test_interviewee_answers_the_question(run):
    ex = run("Maria Gonzalez is the general secretary of the teachers' union. Reporter Tom Reed asked her what "
             "the government must do.\n\n\"There is no alternative: they must pay.\"")
    (q,) = ex.quotes
    assert ex.actor_name(q.speaker) == "Maria Gonzalez", (ex.actor_name(q.speaker), q.how)


def test_passive_refusal_without_agent_is_not_held_by_its_subject(run):
    ex = run("Prime Minister Alexis Tsipras's call to write off the debt was rebuffed on Tuesday.")
    reds = claims(ex, "red_line")
    assert reds and all(ex.actor_name(c.holder) != "Alexis Tsipras" for c in reds)


def test_they_goes_back_to_the_main_subject_not_the_reported_one(run):
    ex = run("Striking teachers say the Ministry of Education has not answered their demands. "
             "They have resolved to continue the strike until the ministry makes a better offer.")
    (c,) = [c for c in claims(ex, "demand") if "until" in c.text]
    assert "teachers" in ex.actor_name(c.holder).lower(), ex.actor_name(c.holder)


def test_a_signed_statement_speaks_in_its_authors_voice(run):
    ex = run("Talks resume in Belfast\n\nStatement by Secretary of State for Wales the Rt Hon Maria Quinn MP:\n\n"
             "Time is short. Talks must resume as soon as possible.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "Maria Quinn", ex.actor_name(c.holder)
    assert "State" not in [a.name for a in ex.actors]  # "Secretary of State" is a title


def test_capitalised_us_is_the_united_states_not_the_speaker(run):
    ex = run("The US has insisted that Pyongyang give up its weapons first.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "United States"
    ex = run('"We will not sign," the US envoy said. "Let us be clear," Smith said.')
    assert "United States" in [a.name for a in ex.actors]
    # lower-case "us" stays the speaker's own
    ex = run('"Nobody can force us to accept this deal," union leader Maria Santos said.')
    assert all(ex.actor_name(c.holder) == "Maria Santos" for c in claims(ex)), [c.text for c in claims(ex)]


def test_a_position_noun_with_a_copula_holds_its_complement(run):
    ex = run("The rebels' main demand is the resignation of President Ali Bongo.")
    (c,) = claims(ex, "demand")
    assert c.text == "rebels' main demand is the resignation of President Ali Bongo"
    assert ex.actor_name(c.holder) == "rebels"
    assert claims(run("The rebels' main demand is not new.")) == []


def test_a_modifier_naming_a_party_of_the_article_owns_the_demand(run):
    ex = run("Russia sent more troops to the border. Russian demands for a neutral Ukraine were rejected by Kyiv.")
    (d,) = claims(ex, "demand")
    assert d.text == "Russian demands for a neutral Ukraine" and ex.actor_name(d.holder) == "Russia"
    # a modifier never founds an actor: no party "Russia" in the article, no holder from "Russian"
    ex = run("Russian demands for a neutral Ukraine were rejected.")
    assert all(ex.actor_name(c.holder) != "Russia" for c in claims(ex))


def test_want_with_an_object_and_a_participle_tagged_as_past_tense(run):
    ex = run("The farmers' union wants the new law repealed.")
    (c,) = claims(ex, "demand")
    assert c.text == "wants the new law repealed" and ex.actor_name(c.holder) == "farmers' union"


def test_will_not_settle_for_less_is_a_red_line(run):
    ex = run("The UAW said it would not settle for anything less than a 40 percent raise.")
    (c,) = claims(ex, "red_line")
    assert ex.actor_name(c.holder) == "UAW"
    assert claims(run("The two sides did not settle the dispute last year.")) == []


def test_a_paragraph_ending_in_x_said_colon_makes_x_the_voice_of_the_statement(run):
    ex = run("Minister speaks ahead of strikes\n\nTransport Secretary, Jane Holt said:\n\n"
             "Today the unions are striking again. I urge the unions to return to the negotiating table.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "Jane Holt", ex.actor_name(c.holder)


def test_a_state_name_the_tagger_cut_is_not_a_party(run):
    ex = run("A spokesman for Sierra Leonean President Ernest Bai Koroma said the deal is non-negotiable.")
    names = [a.name for a in ex.actors]
    assert "Sierra" not in names and "Leonean" not in names, names
    (c,) = claims(ex, "red_line")
    # the spokesman speaks for the president he is named with
    assert ex.actor_name(c.holder) == "Ernest Bai Koroma", ex.actor_name(c.holder)


def test_a_holderless_guess_in_a_title_case_headline_is_dropped(run):
    ex = run("Leaders Seek Resolution To Border Crisis\n\nThe rebels demanded a ceasefire on Monday.")
    assert [c.text for c in claims(ex)] == ["demanded a ceasefire on Monday"]


def test_stating_a_position_without_a_verb_of_saying(run):
    for text, who in [("Acme Steel made clear that the union must accept the offer.", "Acme Steel"),
                      ("Acme Steel is adamant that the union must accept the offer.", "Acme Steel"),
                      ("Finance Minister Ana Ruiz was clear that Greece must stay in the euro.", "Ana Ruiz")]:
        (c,) = claims(run(text), "demand")
        assert run(text).actor_name(c.holder) == who, text
    assert claims(run("The weather made it clear that the match must be delayed.")) == []


def test_talks_declared_over_by_a_party_are_a_red_line(run):
    ex = run("The government of Uganda said the talks are over.")
    (c,) = claims(ex, "red_line")
    assert c.text == "the talks are over"
    # the writer's own report of an ending is no one's position
    assert claims(run("The talks are over for the week and will resume on Monday.")) == []


def test_unaffordable_refuses_only_when_said_of_something(run):
    ex = run("Acme Steel says the union's demands are unaffordable.")
    (c,) = claims(ex, "red_line")
    assert ex.actor_name(c.holder) == "Acme Steel"
    # eval-diff: an attributive adjective describes ("unaffordable health care")
    assert claims(run("Senator Ana Ruiz said voters worry about unaffordable health care.")) == []


def test_coordinated_modifiers_name_one_group(run):
    ex = run("Greek and Turkish Cypriot leaders met on Monday. The two leaders said the talks must succeed.")
    assert "Greek and Turkish Cypriot leaders" in [a.name for a in ex.actors], [a.name for a in ex.actors]


def test_descriptions_of_negotiating_parties_are_groups(run):
    ex = run("Six world powers want Iran to curb its nuclear program.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "world powers"
    ex = run("Union bosses demanded a meeting with the minister.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "Union bosses"


def test_warning_against_is_a_demand(run):
    ex = run("Israel warned against any deal that would leave Iran's enrichment capacity intact.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "Israel"
    # "warn against" needs a party as its subject like any agentive cue: weather reports make none
    assert claims(run("Forecasters warned of heavy rain on Monday.")) == []


def test_on_condition_without_that_but_not_on_condition_of_anonymity(run):
    ex = run("West African leaders offered Gbagbo an amnesty deal on condition he cedes power to Ouattara.")
    (c,) = claims(ex, "demand")
    assert c.text == "on condition he cedes power to Ouattara"
    ex = run("A senior official, who spoke on condition of anonymity, said the talks had stalled.")
    assert claims(ex) == []


def test_a_statement_issued_by_a_body_speaks_in_its_voice(run):
    ex = run("Statement by the High Representative on behalf of the European Union on the situation in the north\n\n"
             "We call on both sides to withdraw their forces. We will not accept any unilateral change.")
    assert [(c.kind, ex.actor_name(c.holder)) for c in claims(ex)] == [
        ("demand", "European Union"), ("red_line", "European Union")]
    # a statement reported in an article is no byline: "we" outside quotes stays unattributed
    ex = run("The European Union issued a statement on Monday.\n\nWe will not accept any unilateral change.")
    assert all(c.holder is None for c in claims(ex))


def test_impossible_without_is_a_red_line_of_the_party_saying_it(run):
    ex = run("Russia said a deal is impossible without recognition of the new borders.")
    (c,) = claims(ex, "red_line")
    assert ex.actor_name(c.holder) == "Russia"


def test_a_subjectless_verb_of_demanding_is_no_ones_position(run):
    # a participle or infinitive hanging on a noun, with no party anywhere to hold it
    assert claims(run("Reporters seeking comment were turned away at the door.")) == []
    # a passive refusal keeps its place even when its agent is unsaid
    ex = run("Prime Minister Alexis Tsipras's call to write off the debt was rebuffed on Tuesday.")
    assert "red_line" in [c.kind for c in claims(ex)]


def test_time_given_to_the_other_side_to_act_is_a_demand(run):
    ex = run("The EU gave Britain two weeks to make concessions.")
    (c,) = claims(ex, "demand")
    assert c.text == "gave Britain two weeks to make concessions"
    assert (ex.actor_name(c.holder), ex.actor_name(c.target)) == ("European Union", "United Kingdom")
    ex = run("Hamas said Israel had until Saturday to release the prisoners.")
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == "Hamas" and ex.actor_name(c.target) == "Israel"
    ex = run("Acme Steel set a Friday deadline for the union to accept its offer.")
    assert [ex.actor_name(c.holder) for c in claims(ex, "demand")] == ["Acme Steel"]
    # a gift is no deadline
    assert claims(run("President Ruto gave the doctors a pay rise on Friday.")) == []


def test_an_unnamed_office_is_a_party_an_obligation_can_fall_on(run):
    ex = run("Nepal's Maoists have paralysed the capital. The former rebels say the prime minister must resign.")
    (c,) = claims(ex, "demand")
    assert c.text == "the prime minister must resign" and "rebels" in ex.actor_name(c.holder)
    # an opinion about a thing is still no demand
    assert claims(run("The former rebels say the economy must grow.")) == []


def test_captors_threatening_are_a_party(run):
    ex = run("The three hostages were seized last week. Their captors have threatened to kill them unless "
             "Kabul frees militants.")
    (c,) = claims(ex, "demand")
    assert "captors" in ex.actor_name(c.holder)


@pytest.mark.parametrize("text, holder, evidence", [
    ("The northern rebels want to revisit the disarmament clauses of the accord.", "rebels", "revisit the disarmament"),
    ("Opposition leaders want to revive the suspended referendum.", "Opposition leaders", "revive the suspended"),
    ("The Freedonian union also wants to talk about a fairer share of the port revenue.", "union", "talk about a fairer"),
])
def test_a_party_that_wants_to_take_a_step_states_a_weak_demand(run, text, holder, evidence):
    (c,) = claims(ex := run(text), "demand")
    assert holder in ex.actor_name(c.holder) and evidence in c.text
    assert c.confidence < 0.6  # hidden by the explorer's weak-item filter


@pytest.mark.parametrize("text", [
    "Senator Mara Holt wants to ban all imports from Ruritania.",        # a person's programme
    "The rebels might want to consider the offer.",                     # hedged: advice
    "The two governments want to reach an agreement quickly.",          # a wish to settle, no terms
    "The union wants to thank its members for their patience.",         # not a step in the talks
    "The rebels do not want to be seen as spoilers.",                   # passive, negated
    '"We want to unite behind one candidate," said Dora Lenz.',        # a person quoted saying "we"
])
def test_wanting_to_do_something_is_no_claim_when(run, text):
    assert not claims(run(text), "demand")


@pytest.mark.parametrize("text, evidence", [
    ('"We will not come back to the negotiating table as if nothing had happened," said Ada Varn, '
     'leader of the Lakran dockers.', "come back to the negotiating table"),
    ('"We do not want negotiations like the last rounds in separate rooms," Maria Keller told reporters.',
     "do not want negotiations"),
])
def test_refusing_to_come_back_or_a_kind_of_talks_is_a_red_line(run, text, evidence):
    (c,) = claims(ex := run(text), "red_line")
    assert evidence in c.text and ex.actor_name(c.holder) in ("Ada Varn", "Maria Keller")


@pytest.mark.parametrize("text", [
    '"Those days are never coming back," Ada Varn said.',
    '"I would not be coming back to Lakra again," Ada Varn said.',
    "The rebels did not want talks in 2019.",
    "The rebels do not want war.",
])
def test_not_coming_back_or_not_wanting_is_no_red_line_when(run, text):
    assert not claims(run(text), "red_line")


def test_a_present_appeal_to_encourage_a_party_is_a_weak_demand(run):
    ex = run("Freedonia welcomes the talks in Lakra. We are grateful to the hosts. "
             "We encourage the sides to remain committed to the process.")
    (c,) = claims(ex, "demand")
    assert "encourage the sides to remain committed" in c.text and ex.actor_name(c.holder) == "Freedonia"
    assert c.confidence <= 0.6


@pytest.mark.parametrize("text", [
    "Senator Ada Holt encouraged me to endorse the governor.",           # past persuasion, reported
    "The minister could encourage Ruritania to move on the tariffs.",    # hedged musing
    "The mediator encourages the families of the hostages not to lose heart.",  # comfort, negated step
])
def test_encouraging_is_no_demand_when(run, text):
    assert not claims(run(text), "demand")


@pytest.mark.parametrize("text, holder", [
    ("Minister Ivo Landa said the only thing needed is for the rebels to open the port.", "Ivo Landa"),
    ('"The one thing required is a full withdrawal of troops," said Kofi Mensah.', "Kofi Mensah"),
])
def test_the_only_thing_needed_is_a_demand(run, text, holder):
    (c,) = claims(ex := run(text), "demand")
    assert ex.actor_name(c.holder) == holder and c.frame == "cleft"


# sentences close to a demand frame that ask nothing of anyone (no demand; other claims may stand)
NO_DEMAND = [
    # "the only thing needed is" when nobody says it, when it is not needed, when it is not "only"
    "The only thing needed is rain.",
    "Ivo Landa said the only thing that was not needed was a new round of talks.",
    "Ivo Landa said one thing needed more study.",
    # wanting an outcome
    "The union wants the economy to grow.",
    "The rebels want the world to know their story.",
    "Senator Ada Holt wants the treaty to lose in the vote.",   # a person, not a collective party
    # needing something that is no assurance from the other side
    "Residents are looking for proof of the new rules.",
    "The company needs security for its loans.",
    "The union does not need guarantees from anyone.",
]


@pytest.mark.parametrize("text", NO_DEMAND)
def test_no_demand(run, text):
    assert not claims(run(text), "demand")


@pytest.mark.parametrize("text, evidence", [
    ("The Environment Committee wants COP28 to make the loss and damage fund operational.", "make the loss"),
    ("The militants want those people to leave the Niger Delta now.", "those people to leave"),
])
def test_a_collective_party_wanting_a_thing_to_act_is_a_weak_demand(run, text, evidence):
    (c,) = claims(ex := run(text), "demand")
    assert evidence in c.text and c.confidence < 0.6


def test_no_choice_but_with_the_infinitive_hung_on_choice(run):
    (c,) = claims(ex := run("The government has no choice but to raise wages, the union said."), "demand")
    assert ex.actor_name(c.holder) == "union" and "no choice but to raise wages" in c.text


@pytest.mark.parametrize("text, holder", [
    ("Prime Minister Ivo Landa said he was still open to negotiating with the opposition, but only if they "
     "agreed to end their boycott.", "Ivo Landa"),
    ("The dockers' union is ready to sign only if the bonus is paid.", "union"),
])
def test_willing_to_move_only_if_is_a_condition(run, text, holder):
    (c,) = claims(ex := run(text), "demand")
    assert c.frame == "condition" and holder in ex.actor_name(c.holder)


def test_only_if_on_something_that_is_no_move_is_no_condition(run):
    assert not claims(run("Ivo Landa said the plan would work only if you believe in it."), "demand")


@pytest.mark.parametrize("text, holder", [
    ("Mara Holt, a leader of the Freedom Party, said her party needs guarantees from the government.",
     "Freedom Party"),
    ("Kyiv is looking for guarantees that Russian forces will not attack the port.", "Ukraine"),
    ("The dockers' union expects a commitment from the employer on pay.", "union"),
])
def test_asking_the_other_side_for_an_assurance_is_a_demand(run, text, holder):
    (c,) = claims(ex := run(text), "demand")
    assert holder in ex.actor_name(c.holder)


@pytest.mark.parametrize("text, holder", [
    ("Georgia says it needs a light-water reactor to ease its energy shortage.", "Georgia"),
    ("The dockers' union said it needs a new contract before the holidays.", "union"),
])
def test_a_party_stating_its_own_need_is_a_weak_demand(run, text, holder):
    (c,) = claims(ex := run(text), "demand")
    assert holder in ex.actor_name(c.holder) and c.frame == "need"


@pytest.mark.parametrize("text", [
    "Experts say the country needs more rain.",            # someone else's view of a need
    "Ivo Landa said he needs a break.",                     # no ask of the other side
    "The rebels said the government needs a new approach.",  # a judgement on another party
])
def test_a_need_is_no_demand_when(run, text):
    assert not claims(run(text), "demand")


@pytest.mark.parametrize("text, holder", [
    ("Finance Minister Ivo Landa said the teachers' demands are unrealistic.", "Ivo Landa"),
    ("The dockers' union said the offer was inadequate.", "union"),
])
def test_calling_the_other_sides_proposal_unrealistic_is_a_red_line(run, text, holder):
    (c,) = claims(ex := run(text), "red_line")
    assert holder in ex.actor_name(c.holder)


def test_an_onlookers_judgement_is_no_red_line(run):
    assert not claims(run("Analysts said the plan was unrealistic."), "red_line")


def test_a_proposal_that_must_not_pass_is_a_demand_of_whoever_says_it(run):
    (c,) = claims(ex := run('"These measures must not pass," union leader Maria Keller said.'), "demand")
    assert ex.actor_name(c.holder) == "Maria Keller"


def test_a_procedure_for_a_request_is_no_demand(run):
    text = '"A request to interview her would have to be reviewed by top officials," spokesman Glen Ivo said.'
    assert not claims(run(text), "demand")


def test_seeking_a_solution_both_sides_share_is_no_demand(run):
    for text in ("The mediators are seeking a solution to the crisis.",
                 "West African leaders will seek a resolution to the political crisis.",
                 "The two sides hope to seek a compromise next week."):
        assert claims(run(text)) == [], text
    (c,) = claims(run("The union will seek a 5 percent pay rise."), "demand")
    assert c.text.startswith("will seek")


@pytest.mark.parametrize("text", [
    "The hostage pleaded for help in a phone call to reporters.",
    "He pleaded guilty to illegal lobbying.",
    "The president appealed to voters to stay calm.",
    "\"I must say that the talks were useful,\" Khan said.",
    "\"We must admit that progress is slow,\" the minister said.",
    "The ministers could not agree on phasing out coal power.",
    "The two sides did not agree on a date for the next round.",
])
def test_pleas_for_help_own_words_and_failing_to_agree_are_no_positions(run, text):
    assert claims(run(text)) == [], text


def test_will_not_agree_on_still_refuses(run):
    (c,) = claims(run("Russia will not agree on any ceasefire that leaves Ukraine armed."), "red_line")
    assert c.text.startswith("Russia will not agree")


def test_only_starting_a_move_on_a_condition_is_a_demand(run):
    ex = run("\"We can only start talking about a new relationship if sufficient progress has been achieved,\" "
             "Guy Verhofstadt said.")
    (c,) = claims(ex, "demand")
    assert c.text.startswith("if sufficient progress") and ex.actor_name(c.holder) == "Guy Verhofstadt"


def test_a_list_of_steps_urged_is_one_demand_each(run):
    ex = run("\"I urge both parties to think of the impact on the traveling public, set aside their differences, "
             "and work together to resolve the issues,\" Bill Clinton said.")
    texts = [c.text for c in claims(ex, "demand")]
    assert texts == ["urge both parties to think of the impact on the traveling public",
                     "set aside their differences", "work together to resolve the issues"], texts


@pytest.mark.parametrize("text, kind", [
    ("Talks collapsed over Burma's demand that the rebels first lay down their arms.", "demand"),
    ("Indonesia said there is no dialogue on the Papuan independence.", "red_line"),
    ("\"The sovereignty of Indonesia over Papua is final,\" Indonesia said.", "red_line"),
    ("The MILF said the issue will not be on the agenda.", "red_line"),
])
def test_demand_that_no_dialogue_on_final_and_off_the_agenda(run, text, kind):
    (c,) = claims(run(text), kind)
    assert c.holder


def test_no_dialogue_alone_is_no_position(run):
    assert claims(run("There is no dialogue between the two sides.")) == []


# one demand each, with its holder: begging, appealing and pleading to a party to act; "it is
# time X did"; the step a side puts first; a list of demands stated; a rally held "demanding …"
ONE_DEMAND = [
    ("The family of the hostage is begging the government to secure his release.", "family of the hostage"),
    ("The doctors are appealing to Prime Minister Morgan Tsvangirai to intercede on their behalf.", "doctors"),
    ("The farmers pleaded with the government to lower fuel prices.", "farmers"),
    ("\"It is time the government listened to the nurses,\" the union said.", "union"),
    ("Hoeven said the first order of business for immigration reform is to secure the border.", "Hoeven"),
    ("The union said its priority is to restore the pay cuts.", "union"),
    ("The Saudi-led group has given Doha a list of 13 demands.", "Saudi-led group"),
    ("The rebels presented a set of conditions for a ceasefire.", "rebels"),
    ("The opposition held rallies demanding early presidential elections.", "opposition"),
    ("The union organized a march demanding higher wages.", "union"),
]


@pytest.mark.parametrize("text, holder", ONE_DEMAND)
def test_one_demand_with_its_holder(run, text, holder):
    ex = run(text)
    (c,) = claims(ex, "demand")
    assert ex.actor_name(c.holder) == holder
