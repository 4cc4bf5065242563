import rule from '../../../src/core/rules/declaration/answer-not-in-list';
import { testDeclarationRule } from '../../support/declaration-grid';

const ALL_YES = { intentional: 'Yes', remains: 'Yes', 'covered-countries': 'No', cahra: 'No', recycled: 'No', 'response-rate': '100%', 'all-identified': 'Yes', 'all-reported': 'Yes' } as const;

testDeclarationRule(rule, {
  valid: [
    { name: 'dropdown answers (CMRT 6.5)', answers: { Tin: ALL_YES, Gold: { intentional: 'No' } }, companyAnswers: { policy: 'Yes', survey: 'Yes, in conformance with IPC1755 (e.g., CMRT)', 'annual-filing': 'Yes, with the SEC' } },
    { name: 'the response rate as the number 1 (the list value of older templates)', version: '6.01', answers: { Tin: { intentional: 'Yes', 'response-rate': 1 } } },
    { name: 'case differences (Excel compares case-insensitively)', answers: { Tin: { intentional: 'yes', remains: 'YES' } } },
    { name: 'EMRT 2.1 answers', family: 'EMRT', version: '2.1', minerals: ['Cobalt', 'Mica'], answers: { Mica: { intentional: 'Not declaring' }, Cobalt: { intentional: 'Yes', 'response-rate': 'Did not survey' } }, companyAnswers: { 'require-validated:Cobalt': 'Yes, when more processors are validated', survey: 'Yes, Using Other Format (Describe)' } },
    { name: 'CRT 2.2 answers', family: 'CRT', version: '2.2', answers: { Cobalt: { intentional: 'Unknown', cahra: 'DRC or adjoining countries only', 'response-rate': 'Greater than 90%' } }, companyAnswers: { survey: 'Yes, CRT' } },
    { name: 'every scope value', company: { declarationScope: 'B. Product (or List of Products)' } },
    { name: 'user-defined scope', company: { declarationScope: "C. User defined [Specify in 'Description of scope']", scopeDescription: 'Division X' } },
    { name: 'empty answers: the Checker reports them', answers: { Tin: { intentional: null } } },
    { name: 'error values: reported by template/read-notes', answers: { Tin: { intentional: '#N/A' } } },
  ],
  invalid: [
    {
      name: 'typed answers not in the list (CMRT 6.5 Tin Q1 = D27, company A = D75)',
      answers: { Tin: { intentional: 'Y' } },
      companyAnswers: { policy: 'In progress' },
      errors: [
        { cell: 'D27', severity: 'error', message: /question 1 \(intentionally added\) for Tin is "Y", which is not one of the dropdown's answers/ },
        { cell: 'D75', severity: 'error', message: /company question A is "In progress"/, fix: /dropdown/ },
      ],
    },
    {
      name: 'a percentage typed as a number that is not a list value',
      answers: { Gold: { intentional: 'Yes', 'response-rate': 0.95 } },
      errors: [{ cell: 'D58', severity: 'error', message: /"0\.95" \(95%\)/, fix: /100%, Greater than 90%/ }],
    },
    {
      name: 'answers of the wrong kind',
      answers: { Tantalum: { intentional: 'Yes', remains: '100%', 'response-rate': 'Yes' } },
      errors: [
        { cell: 'D32', severity: 'error', message: /"100%", which is not an answer to this question/ },
        { cell: 'D56', severity: 'error', message: /question 6 \(supplier response rate\) for Tantalum is "Yes", which is not an answer/ },
      ],
    },
    {
      name: 'recognised but misspelled: a warning (the template\'s formulas miss it)',
      answers: { Tungsten: { intentional: 'No ' }, Tin: { intentional: 'Yes.' } },
      errors: [
        { cell: 'D27', severity: 'warning', message: /"Yes\." reads as "Yes", but it is not spelled exactly/ },
        { cell: 'D29', severity: 'warning', message: /has spaces around it/, fix: /Choose "No"/ },
      ],
    },
    {
      name: 'the scope cell: not a value',
      company: { declarationScope: 'Whole company' },
      errors: [{ cell: 'D9', severity: 'error', message: /declaration scope "Whole company" is not one of the dropdown's values/ }],
    },
    {
      name: 'the scope cell: recognised but not the dropdown text',
      company: { declarationScope: 'Product' },
      errors: [{ cell: 'D9', severity: 'warning', fix: /B\. Product \(or List of Products\)/ }],
    },
    {
      name: 'EMRT 2.1: Q numbers through topics (Cobalt response rate is question 5, D78)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      answers: { Cobalt: { intentional: 'Yes', 'response-rate': 'All' } },
      errors: [{ cell: 'D78', message: /question 5 \(supplier response rate\) for Cobalt/ }],
    },
    {
      name: 'EMRT 2.1: per-metal company question C',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt', 'Mica'],
      companyAnswers: { 'require-validated:Mica': 'Partly' },
      errors: [{ cell: 'D121', message: /company question C for Mica/ }],
    },
  ],
});
