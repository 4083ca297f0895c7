/**
 * Common first names in the UK, across the communities the portal serves, for spotting names in free
 * text. Names that are also everyday words at the start of a sentence (May, Will, Grace, Hope, Mark…)
 * are left out: redacting them would mangle ordinary sentences, and "my son Will" is still caught by
 * the phrases around it.
 */
export const FIRST_NAMES = new Set(
  `Aaliyah Aaron Abdul Abdullah Abigail Adam Adrian Ahmed Aidan Aisha Alan Alex Alexander Alexandra Alfie
Ali Alice Alicja Alina Alisha Amber Amelia Amir Amira Amy Ana Andrei Andrew Angela Ann Anna Anne Annie Anthony
Archie Arjun Arthur Asha Ashley Asiya Ava Ayaan Ayesha Barbara Beatrice Ben Benjamin Bethany Bilal Bogdan
Bradley Brandon Callum Cameron Carl Caroline Catherine Charles Charlie Charlotte Chloe Chris Christine
Christopher Claire Connor Craig Daniel Daniela Danny Darius David Dean Deborah Declan Denise Dominic Dylan
Edward Eleanor Elena Eliza Elizabeth Ella Ellie Emily Emma Eric Erin Ethan Evie Fatima Finley Finn Francesca
Freddie Freya Gabriel Gary George Georgia Gemma Graham Hamza Hannah Harley Harper Harrison Harry Harvey
Hassan Hayden Heather Helen Henry Holly Hussain Ibrahim Ioana Isaac Isabel Isabella Isla Ivan Jack Jacob Jake
James Jamie Jan Jasmine Jason Jayden Jennifer Jessica Joanna Joe Joel John Jonathan Joseph Joshua Julia
Kacper Karen Kasia Kate Katherine Katie Kayla Keira Kelly Kevin Khadija Kieran Kyle Laila Lauren Layla Leah
Lee Leo Leon Lewis Liam Lily Logan Louie Louis Louise Lucas Lucy Luke Maisie Maja Maria Mariam Marie Martin
Mary Mason Matthew Maya Megan Mia Michael Michelle Mihai Millie Mohammed Mohammad Mohamed Molly Muhammad
Nadia Nathan Natalia Natasha Nicholas Nicola Niamh Noah Oliver Olivia Oscar Owen Patrick Paul Phoebe Piotr
Poppy Rachel Rebecca Reggie Rhys Richard Riley Robert Rosie Ruby Ryan Saanvi Samuel Sam Sarah Scarlett Sean
Sebastian Shannon Sienna Simon Sofia Sophie Stanley Stefan Stephanie Stephen Steven Susan Szymon Tara Teddy
Theo Theodore Thomas Toby Tom Tommy Tyler Umar Usman Victoria Wiktoria William Wojciech Yusuf Zac Zachary
Zainab Zara Zoe Zofia Zuzanna`.split(/\s+/),
);
